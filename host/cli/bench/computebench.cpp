#include "computebench.h"

#include "benchreport.h"
#include "benchsettings.h"
#include "samples.h"

#include <objcap/benchmarkprobe.h>
#include <objcap/runtime.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <future>
#include <thread>

#include <time.h>

namespace objcap::cli {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char *kernelSource = R"(import json, re, time

_SOLAR = 4 * 3.14159265358979323 * 3.14159265358979323
_DPY = 365.24

def _bodies():
    return [
        [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], _SOLAR],
        [[4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01],
         [1.66007664274403694e-03 * _DPY, 7.69901118419740425e-03 * _DPY, -6.90460016972063023e-05 * _DPY],
         9.54791938424326609e-04 * _SOLAR],
        [[8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01],
         [-2.76742510726862411e-03 * _DPY, 4.99852801234917238e-03 * _DPY, 2.30417297573763929e-05 * _DPY],
         2.85885980666130812e-04 * _SOLAR],
        [[1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01],
         [2.96460137564761618e-03 * _DPY, 2.37847173959480950e-03 * _DPY, -2.96589568540237556e-05 * _DPY],
         4.36624404335156298e-05 * _SOLAR],
        [[1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01],
         [2.68067772490389322e-03 * _DPY, 1.62824170038242295e-03 * _DPY, -9.51592254519715870e-05 * _DPY],
         5.15138902046611451e-05 * _SOLAR],
    ]

def nbody(steps):
    bodies = _bodies()
    pairs = [(bodies[i], bodies[j]) for i in range(5) for j in range(i + 1, 5)]
    dt = 0.01
    for _ in range(steps):
        for ((x1, y1, z1), v1, m1), ((x2, y2, z2), v2, m2) in pairs:
            dx = x1 - x2
            dy = y1 - y2
            dz = z1 - z2
            mag = dt * ((dx * dx + dy * dy + dz * dz) ** (-1.5))
            b1m = m1 * mag
            b2m = m2 * mag
            v1[0] -= dx * b2m
            v1[1] -= dy * b2m
            v1[2] -= dz * b2m
            v2[0] += dx * b1m
            v2[1] += dy * b1m
            v2[2] += dz * b1m
        for (r, (vx, vy, vz), m) in bodies:
            r[0] += dt * vx
            r[1] += dt * vy
            r[2] += dt * vz
    return bodies[0][0][0]

_doc = {'id': 7, 'name': 'plugin', 'enabled': True, 'tags': ['alpha', 'beta', 'gamma'],
        'values': list(range(40)), 'ratio': 0.25,
        'nested': {'x': 1.5, 'y': [True, False, None], 'text': 'some words ' * 8}}

def json_roundtrip(n):
    for _ in range(n):
        json.loads(json.dumps(_doc))

_rx = re.compile(r'\b(\w+)@(\w+)\.com\b')
_text = ' '.join('user%d@host%d.com and some filler words' % (i, i) for i in range(200))

def regex_scan(n):
    found = 0
    for _ in range(n):
        found += len(_rx.findall(_text))
    return found

def _time(fn, n):
    start = time.perf_counter()
    fn(n)
    return time.perf_counter() - start
)";

struct Kernel {
    const char *key;
    const char *function;
    int quickSize;
    int fullSize;
};

// Sizes give roughly 50 ms (quick) and 150 ms (full) per run on a 2020s x86 core.
constexpr Kernel kernels[] = {
    {"compute_ratio_nbody", "nbody", 2500, 7500},
    {"compute_ratio_json", "json_roundtrip", 2000, 6000},
    {"compute_ratio_regex", "regex_scan", 200, 600},
};

objcap::Result<double> sandboxSeconds(objcap::Sandbox &sandbox, const std::string &call)
{
    auto value = sandbox.eval(call).get();
    if (!value)
        return value.error();
    if (!value->is<double>())
        return objcap::Error::make(objcap::ErrorCode::Runtime, call + " did not return seconds");
    return value->as<double>();
}

objcap::Result<std::unique_ptr<objcap::Sandbox>> kernelSandbox(objcap::Runtime &runtime, const char *name)
{
    objcap::SandboxOptions options;
    options.name = name;
    auto sandbox = runtime.createSandbox(std::move(options));
    if (!sandbox)
        return sandbox.error();
    if (auto ran = sandbox.value()->exec(kernelSource, "kernels.py").get(); !ran)
        return ran.error();
    return sandbox;
}

// Sandboxed and unsandboxed runs alternate so that drift in the machine's load hits both;
// the fastest run of each is compared (the least disturbed one).
objcap::Result<void> measureKernels(const BenchSettings &settings, BenchReport &report)
{
    auto sandbox = kernelSandbox(settings.runtime, "bench-compute");
    if (!sandbox)
        return sandbox.error();
    return std::async(std::launch::async, [&]() -> objcap::Result<void> {
               auto probe = objcap::BenchmarkProbe::create(settings.runtime);
               if (!probe)
                   return probe.error();
               if (auto ran = probe.value()->exec(kernelSource); !ran)
                   return ran.error();
               double logSum = 0;
               for (const Kernel &kernel : kernels) {
                   const std::string call = std::string("_time(") + kernel.function + ", " +
                                            std::to_string(settings.scaled(kernel.quickSize, kernel.fullSize)) + ")";
                   Samples inSandbox, outside;
                   for (int round = 0; round < settings.scaled(3, 11); ++round) {
                       auto s = sandboxSeconds(*sandbox.value(), call);
                       if (!s)
                           return s.error();
                       auto u = probe.value()->evalNumber(call);
                       if (!u)
                           return u.error();
                       inSandbox.add(s.value());
                       outside.add(u.value());
                   }
                   const double ratio = inSandbox.min() / outside.min();
                   logSum += std::log(ratio);
                   report.addDetail(QString::fromLatin1(kernel.key), ratio);
                   report.addDetail(QString::fromLatin1(kernel.key).replace(QStringLiteral("ratio"), QStringLiteral("ms")),
                                    inSandbox.min() * 1000.0);
               }
               const double ratio = std::exp(logSum / std::size(kernels));
               report.add({QStringLiteral("compute_ratio"), ratio, QStringLiteral("x"),
                           QStringLiteral("unlocked interpreter (geomean of 3)"), std::nullopt,
                           BenchReport::Bar::atMost(1.03)});
               return {};
           })
        .get();
}

double processCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Wall time until every sandbox has run the kernel once, all started together; `cpu` gets
// the CPU time the process used meanwhile (N cores' worth if nothing else competes for them).
objcap::Result<double> concurrentSeconds(std::vector<std::unique_ptr<objcap::Sandbox>> &sandboxes, std::size_t n,
                                         const std::string &call, double *cpu = nullptr)
{
    std::vector<std::future<objcap::Result<objcap::Value>>> running;
    const double cpuStart = processCpuSeconds();
    const auto start = Clock::now();
    for (std::size_t i = 0; i < n; ++i)
        running.push_back(sandboxes[i]->eval(call));
    for (auto &future : running) {
        if (auto done = future.get(); !done)
            return done.error();
    }
    if (cpu)
        *cpu = processCpuSeconds() - cpuStart;
    return std::chrono::duration<double>(Clock::now() - start).count();
}

objcap::Result<void> measureParallel(const BenchSettings &settings, BenchReport &report)
{
    const int n = std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 4);
    std::vector<std::unique_ptr<objcap::Sandbox>> sandboxes;
    for (int i = 0; i < n; ++i) {
        auto sandbox = kernelSandbox(settings.runtime, "bench-parallel");
        if (!sandbox)
            return sandbox.error();
        sandboxes.push_back(std::move(sandbox).value());
    }
    const std::string call = "nbody(" + std::to_string(settings.scaled(10000, 25000)) + ")";
    Samples one, all, utilisation;
    for (int round = 0; round < settings.scaled(2, 5); ++round) {
        auto single = concurrentSeconds(sandboxes, 1, call);
        if (!single)
            return single.error();
        double cpu = 0;
        auto together = concurrentSeconds(sandboxes, static_cast<std::size_t>(n), call, &cpu);
        if (!together)
            return together.error();
        utilisation.add(cpu / (together.value() * n));
        one.add(single.value());
        all.add(together.value());
    }
    const double speedup = n * one.min() / all.min();
    report.add({QStringLiteral("parallel_speedup"), speedup, QStringLiteral("x"),
                QStringLiteral("1 plugin: %1 ms").arg(one.min() * 1000.0, 0, 'f', 0), std::nullopt,
                BenchReport::Bar::atLeast(0.9 * n)});
    report.addDetail(QStringLiteral("parallel_n"), n);
    // Below 1: the N plugin threads did not get N cores (other processes had them).
    report.addDetail(QStringLiteral("parallel_cpu_share"), utilisation.median());
    return {};
}

} // namespace

objcap::Result<void> ComputeBench::runKernels(const BenchSettings &settings, BenchReport &report)
{
    return measureKernels(settings, report);
}

objcap::Result<void> ComputeBench::runParallel(const BenchSettings &settings, BenchReport &report)
{
    return measureParallel(settings, report);
}

} // namespace objcap::cli
