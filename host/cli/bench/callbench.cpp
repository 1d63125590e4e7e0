#include "callbench.h"

#include "benchreport.h"
#include "benchsettings.h"
#include "samples.h"

#include <objcap/benchmarkprobe.h>
#include <objcap/filecapabilities.h>
#include <objcap/runtime.h>
#include <objcap/storagecapability.h>

#include <QDir>
#include <QFile>

#include <chrono>
#include <future>

namespace objcap::cli {

namespace {

using Clock = std::chrono::steady_clock;

// Per-call nanoseconds of fn(), as the median of batches so the clock's own cost is spread.
constexpr const char *batchSource = R"(import time
def _batches(fn, batches, per):
    out = []
    clock = time.perf_counter_ns
    for _ in range(batches):
        start = clock()
        for _ in range(per):
            fn()
        out.append((clock() - start) / per)
    return out

def _median(values):
    return sorted(values)[len(values) // 2]

def hook(x):
    return x

def plain():
    pass
)";

constexpr const char *storageSource = R"(
def _storage(n):
    s = ctx.storage
    start = time.perf_counter()
    for i in range(n):
        key = 'key%d' % (i % 64)
        s.set(key, i)
        s.get(key)
    return n / (time.perf_counter() - start)
)";

std::string number(int n)
{
    return std::to_string(n);
}

objcap::Result<Samples> evalSamples(objcap::Sandbox &sandbox, const std::string &expression)
{
    auto value = sandbox.eval(expression).get();
    if (!value)
        return value.error();
    Samples samples = Samples::fromValue(value.value());
    if (samples.empty())
        return objcap::Error::make(objcap::ErrorCode::Runtime, expression + " returned no numbers");
    return samples;
}

struct ProbeFigures {
    double directCallNs = 0;
    double pythonCallNs = 0;
    double openReadNs = 0;
};

// The unsandboxed side, on a thread of its own (the probe's interpreter belongs to it).
objcap::Result<ProbeFigures> measureUnsandboxed(const BenchSettings &settings, const QString &file, int calls,
                                                const std::string &batches)
{
    return std::async(std::launch::async, [&]() -> objcap::Result<ProbeFigures> {
               auto probe = objcap::BenchmarkProbe::create(settings.runtime);
               if (!probe)
                   return probe.error();
               if (auto ran = probe.value()->exec("_path = '" + file.toStdString() + "'\n" + batchSource +
                                             "def _read():\n    with open(_path, 'rb') as f:\n        return f.read()\n");
                   !ran)
                   return ran.error();
               ProbeFigures figures;
               auto direct = probe.value()->timeCalls("hook", calls);
               auto python = probe.value()->evalNumber("_median(_batches(plain, " + batches + "))");
               auto read = probe.value()->evalNumber("_median(_batches(_read, " + batches + "))");
               if (!direct)
                   return direct.error();
               if (!python)
                   return python.error();
               if (!read)
                   return read.error();
               figures.directCallNs = Samples(direct.value()).median();
               figures.pythonCallNs = python.value();
               figures.openReadNs = read.value();
               return figures;
           })
        .get();
}

} // namespace

objcap::Result<void> CallBench::run(const BenchSettings &settings, BenchReport &report)
{
    const QString filesDir = settings.workDir + QStringLiteral("/files");
    QDir().mkpath(filesDir);
    QFile file(filesDir + QStringLiteral("/f4k.bin"));
    if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray(4096, 'x')) != 4096)
        return objcap::Error::make(objcap::ErrorCode::Io, "cannot write " + file.fileName().toStdString());
    file.close();

    objcap::SandboxOptions options;
    options.name = "bench-calls";
    auto created = settings.runtime.createSandbox(std::move(options));
    if (!created)
        return created.error();
    objcap::Sandbox &sandbox = *created.value();
    auto noop = std::make_shared<objcap::FunctionCapability>(
        "noop", objcap::FunctionCapability::Methods{
                    {"nop", [](const objcap::Arguments &) -> objcap::Result<objcap::Value> { return objcap::Value(); }}});
    sandbox.grant("noop", noop);
    auto files = objcap::makeDirectoryCapability({filesDir.toStdString(), true, std::nullopt});
    auto storage = objcap::makeStorageCapability((settings.workDir + QStringLiteral("/storage.sqlite")).toStdString());
    if (!files)
        return files.error();
    if (!storage)
        return storage.error();
    sandbox.grant("files", files.value());
    sandbox.grant("storage", storage.value());
    if (auto ran = sandbox.exec(std::string(batchSource) + storageSource, "bench.py").get(); !ran)
        return ran.error();

    // Host thread -> hook on the plugin's thread -> result back.
    const int calls = settings.scaled(2000, 10000);
    Samples roundtrip;
    for (int i = 0; i < calls; ++i) {
        const auto start = Clock::now();
        auto result = sandbox.call("hook", {objcap::Value(1)}).get();
        const double us = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
        if (!result)
            return result.error();
        roundtrip.add(us);
    }

    const std::string batches = number(settings.scaled(40, 200)) + ", 500";
    auto capCall = evalSamples(sandbox, "_batches(ctx.noop.nop, " + batches + ")");
    auto pythonCall = evalSamples(sandbox, "_batches(plain, " + batches + ")");
    auto fileRead = evalSamples(sandbox, "_batches(lambda: ctx.files.read_bytes('f4k.bin'), " + batches + ")");
    auto storageRate = sandbox.eval("_storage(" + number(settings.scaled(5000, 40000)) + ")").get();
    for (const auto *r : {&capCall, &pythonCall, &fileRead}) {
        if (!*r)
            return r->error();
    }
    if (!storageRate)
        return storageRate.error();
    auto unsandboxed = measureUnsandboxed(settings, file.fileName(), calls, batches);
    if (!unsandboxed)
        return unsandboxed.error();

    const double directUs = unsandboxed->directCallNs / 1000.0;
    const QString directText = QStringLiteral("%1 us direct call").arg(directUs, 0, 'f', 3);
    report.add({QStringLiteral("call_roundtrip_us_p50"), roundtrip.median(), QStringLiteral("us"), directText,
                roundtrip.median() / directUs, BenchReport::Bar::atMost(20)});
    report.add({QStringLiteral("call_roundtrip_us_p99"), roundtrip.percentile(99), QStringLiteral("us"), directText,
                roundtrip.percentile(99) / directUs, BenchReport::Bar::atMost(20)});
    report.addDetail(QStringLiteral("direct_call_us_p50"), directUs);

    const double pythonNs = pythonCall->median();
    report.add({QStringLiteral("cap_call_ns_p50"), capCall->median(), QStringLiteral("ns"),
                QStringLiteral("%1 ns Python call").arg(pythonNs, 0, 'f', 0), capCall->median() / pythonNs,
                BenchReport::Bar::atMost(1000)});
    report.addDetail(QStringLiteral("python_call_ns_p50"), pythonNs);
    report.addDetail(QStringLiteral("python_call_unsandboxed_ns_p50"), unsandboxed->pythonCallNs);

    const double ratio = fileRead->median() / unsandboxed->openReadNs;
    report.add({QStringLiteral("file_read_4k_ratio"), ratio, QStringLiteral("x"),
                QStringLiteral("%1 ns open().read()").arg(unsandboxed->openReadNs, 0, 'f', 0), std::nullopt,
                BenchReport::Bar::atMost(1.5)});
    report.addDetail(QStringLiteral("file_read_4k_ns"), fileRead->median());
    report.addDetail(QStringLiteral("open_read_4k_ns"), unsandboxed->openReadNs);

    const objcap::Value &rate = storageRate.value();
    const double perSecond = rate.is<double>() ? rate.as<double>() : 0;
    report.add({QStringLiteral("storage_ops_per_s"), perSecond, QStringLiteral("pairs/s"), {}, std::nullopt,
                BenchReport::Bar::atLeast(50000)});
    return {};
}

} // namespace objcap::cli
