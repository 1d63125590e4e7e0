#include "sandboxbench.h"

#include "benchreport.h"
#include "benchsettings.h"
#include "samples.h"

#include <objcap/benchmarkprobe.h>
#include <objcap/runtime.h>

#include <QFileInfo>
#include <QProcess>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <future>

extern char **environ;

namespace objcap::cli {

namespace {

using Clock = std::chrono::steady_clock;
constexpr int idleSandboxes = 50;

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Resident set size of this process, from /proc/self/statm.
double residentKiB()
{
    std::ifstream statm("/proc/self/statm");
    long size = 0, resident = 0;
    statm >> size >> resident;
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1024.0;
}

objcap::Result<QString> pythonExecutable(const objcap::Runtime &runtime)
{
    const QString path = QString::fromStdString(runtime.info().pythonHome) + QStringLiteral("/bin/python3.13");
    if (!QFileInfo(path).isExecutable())
        return objcap::Error::make(objcap::ErrorCode::Runtime,
                                   "no " + path.toStdString() + " for the process-per-plugin baseline");
    return path;
}

// One `python3.13 -S -c pass`, started and waited for: what a process per plugin costs.
objcap::Result<double> spawnMilliseconds(const QByteArray &python)
{
    char arg0[] = "python3.13", arg1[] = "-S", arg2[] = "-c", arg3[] = "pass";
    char *argv[] = {arg0, arg1, arg2, arg3, nullptr};
    const auto start = Clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, python.constData(), nullptr, nullptr, argv, environ) != 0)
        return objcap::Error::make(objcap::ErrorCode::Io, "cannot start " + python.toStdString());
    int status = 0;
    waitpid(pid, &status, 0);
    const double elapsed = millisecondsSince(start);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return objcap::Error::make(objcap::ErrorCode::Io, python.toStdString() + " -S -c pass failed");
    return elapsed;
}

objcap::Result<double> processResidentKiB(const QString &python)
{
    QProcess process;
    // VmRSS, not ru_maxrss: Linux carries the forking parent's peak over exec into the latter.
    process.start(python, {QStringLiteral("-S"), QStringLiteral("-c"),
                           QStringLiteral("print(next(l.split()[1] for l in open('/proc/self/status') "
                                          "if l.startswith('VmRSS:')))")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return objcap::Error::make(objcap::ErrorCode::Io, "cannot measure the RSS of " + python.toStdString());
    return process.readAllStandardOutput().trimmed().toDouble();  // kB
}

struct BareFigures {
    Samples createMs;
    double idleKiB = 0;
};

// The floor under both figures: a plain sub-interpreter (CPython's own creation, no objcap
// lockdown), created on a thread of its own, which the probe requires.
objcap::Result<BareFigures> measureBareInterpreters(const BenchSettings &settings, int creations)
{
    return std::async(std::launch::async, [&]() -> objcap::Result<BareFigures> {
               BareFigures figures;
               for (int i = 0; i < creations; ++i) {
                   const auto start = Clock::now();
                   auto probe = objcap::BenchmarkProbe::create(settings.runtime);
                   const double elapsed = millisecondsSince(start);
                   if (!probe)
                       return probe.error();
                   figures.createMs.add(elapsed);
               }
               std::vector<std::unique_ptr<objcap::BenchmarkProbe>> idle;
               const double before = residentKiB();
               for (int i = 0; i < idleSandboxes; ++i) {
                   auto probe = objcap::BenchmarkProbe::create(settings.runtime);
                   if (!probe)
                       return probe.error();
                   idle.push_back(std::move(probe).value());
               }
               figures.idleKiB = (residentKiB() - before) / idleSandboxes;
               return figures;
           })
        .get();
}

} // namespace

objcap::Result<void> SandboxBench::run(const BenchSettings &settings, BenchReport &report)
{
    auto python = pythonExecutable(settings.runtime);
    if (!python)
        return python.error();

    Samples spawn;
    for (int i = 0; i < settings.scaled(10, 30); ++i) {
        auto ms = spawnMilliseconds(python->toLocal8Bit());
        if (!ms)
            return ms.error();
        spawn.add(ms.value());
    }

    // Creation to ready (createSandbox returns once the lockdown is in place); teardown untimed.
    Samples create;
    for (int i = 0; i < settings.scaled(15, 80); ++i) {
        objcap::SandboxOptions options;
        options.name = "bench-create";
        const auto start = Clock::now();
        auto sandbox = settings.runtime.createSandbox(std::move(options));
        const double elapsed = millisecondsSince(start);
        if (!sandbox)
            return sandbox.error();
        create.add(elapsed);
    }
    const QString spawnText = QStringLiteral("%1 ms python3.13 -S").arg(spawn.median(), 0, 'f', 2);
    report.add({QStringLiteral("sandbox_create_ms_p50"), create.median(), QStringLiteral("ms"), spawnText,
                create.median() / spawn.median(), BenchReport::Bar::atMost(5)});
    report.add({QStringLiteral("sandbox_create_ms_p95"), create.percentile(95), QStringLiteral("ms"),
                QStringLiteral("%1 ms (p95)").arg(spawn.percentile(95), 0, 'f', 2),
                create.percentile(95) / spawn.percentile(95), BenchReport::Bar::atMost(5)});
    report.addDetail(QStringLiteral("process_spawn_ms_p50"), spawn.median());
    report.addDetail(QStringLiteral("process_spawn_ms_p95"), spawn.percentile(95));

    // Idle: created, ran one statement, waiting for work.
    auto processKiB = processResidentKiB(python.value());
    if (!processKiB)
        return processKiB.error();
    std::vector<std::unique_ptr<objcap::Sandbox>> idle;
    const double before = residentKiB();
    for (int i = 0; i < idleSandboxes; ++i) {
        objcap::SandboxOptions options;
        options.name = "bench-idle";
        auto sandbox = settings.runtime.createSandbox(std::move(options));
        if (!sandbox)
            return sandbox.error();
        if (auto ran = sandbox.value()->exec("ready = True\n", "idle.py").get(); !ran)
            return ran.error();
        idle.push_back(std::move(sandbox).value());
    }
    const double perSandbox = (residentKiB() - before) / idleSandboxes;
    report.add({QStringLiteral("sandbox_idle_kib"), perSandbox, QStringLiteral("KiB"),
                QStringLiteral("%1 KiB process RSS").arg(processKiB.value(), 0, 'f', 0), perSandbox / processKiB.value(),
                BenchReport::Bar::atMost(1536)});
    report.addDetail(QStringLiteral("process_rss_kib"), processKiB.value());
    idle.clear();

    auto bare = measureBareInterpreters(settings, settings.scaled(15, 50));
    if (!bare)
        return bare.error();
    report.addDetail(QStringLiteral("bare_interpreter_create_ms_p50"), bare->createMs.median());
    report.addDetail(QStringLiteral("bare_interpreter_idle_kib"), bare->idleKiB);
    return {};
}

} // namespace objcap::cli
