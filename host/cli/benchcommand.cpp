#include "benchcommand.h"

#include "bench/benchreport.h"
#include "bench/benchsettings.h"
#include "bench/callbench.h"
#include "bench/computebench.h"
#include "bench/hostbench.h"
#include "bench/interruptbench.h"
#include "bench/sandboxbench.h"
#include "exitcode.h"

#include <objcap/runtime.h>

#include <QFile>
#include <QJsonDocument>
#include <QSysInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

namespace objcap::cli {

namespace {

QString cpuModel()
{
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (cpuinfo.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : cpuinfo.readAll().split('\n')) {
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

// The 1-minute load average when the run started: numbers from a busy machine are not comparable.
double loadAverage()
{
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    return loadavg.open(QIODevice::ReadOnly) ? loadavg.readAll().split(' ').value(0).toDouble() : -1;
}

QJsonObject machine(const objcap::RuntimeInfo &info)
{
    return {
        {QStringLiteral("cpu"), cpuModel()},
        {QStringLiteral("cores"), static_cast<int>(std::thread::hardware_concurrency())},
        {QStringLiteral("kernel"), QSysInfo::kernelType() + u' ' + QSysInfo::kernelVersion()},
        {QStringLiteral("objcap"), QString::fromStdString(info.objcapVersion)},
        {QStringLiteral("python"), QString::fromStdString(info.pythonVersion)},
        {QStringLiteral("patch_level"), info.patchLevel},
        {QStringLiteral("load_average"), loadAverage()},
    };
}

struct Group {
    const char *name;  // for --only
    const char *what;
    objcap::Result<void> (*run)(const BenchSettings &, BenchReport &);
};

constexpr Group groups[] = {
    {"sandbox", "sandbox creation and idle memory", &SandboxBench::run},
    {"calls", "calls across the boundary", &CallBench::run},
    {"compute", "pure-Python kernels", &ComputeBench::runKernels},
    {"parallel", "parallel plugins", &ComputeBench::runParallel},
    {"interrupt", "interrupt latency", &InterruptBench::run},
    {"host", "game loop and host start-up", &HostBench::run},
};

} // namespace

int BenchCommand::run(const QStringList &arguments)
{
    bool json = false, quick = false;
    QStringList only;  // groups to run (for profiling one); empty: all
    const QStringList rest = arguments.mid(1);
    for (qsizetype i = 0; i < rest.size(); ++i) {
        const QString &argument = rest[i];
        if (argument == QLatin1String("--json"))
            json = true;
        else if (argument == QLatin1String("--only") && i + 1 < rest.size())
            only = rest[++i].split(u',');
        else if (argument == QLatin1String("--quick"))
            quick = true;
        else {
            std::fprintf(stderr, "objcap bench: unknown argument '%s'\nusage: objcap bench [--json] [--quick] [--only GROUP,...]\n",
                         qPrintable(argument));
            return UsageError;
        }
    }
    for (const QString &name : only) {
        if (std::none_of(std::begin(groups), std::end(groups), [&](const Group &g) { return name == QLatin1String(g.name); })) {
            std::fprintf(stderr, "objcap bench: no benchmark group '%s' (sandbox, calls, compute, parallel, interrupt, host)\n",
                         qPrintable(name));
            return UsageError;
        }
    }
    const auto start = std::chrono::steady_clock::now();
    auto runtime = objcap::Runtime::start();
    if (!runtime) {
        std::fprintf(stderr, "objcap: %s\n", runtime.error().message.c_str());
        return RuntimeFailure;
    }
    QTemporaryDir workDir;
    if (!workDir.isValid()) {
        std::fprintf(stderr, "objcap bench: no temporary folder: %s\n", qPrintable(workDir.errorString()));
        return RuntimeFailure;
    }
    const BenchSettings settings{*runtime.value(), quick, workDir.path()};
    BenchReport report;
    report.setMachine(machine(runtime.value()->info()));
    for (const Group &group : groups) {
        if (!only.isEmpty() && !only.contains(QLatin1String(group.name)))
            continue;
        std::fprintf(stderr, "bench: %s...\n", group.what);
        if (auto measured = group.run(settings, report); !measured) {
            std::fprintf(stderr, "objcap bench: %s failed: %s\n", group.what, measured.error().message.c_str());
            return PluginError;
        }
    }
    report.setDuration(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (json)
        std::fputs(QJsonDocument(report.json()).toJson(QJsonDocument::Indented).constData(), stdout);
    else
        std::fputs(qPrintable(report.table()), stdout);
    return Completed;
}

} // namespace objcap::cli
