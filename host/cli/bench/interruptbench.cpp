#include "interruptbench.h"

#include "benchreport.h"
#include "benchsettings.h"
#include "samples.h"

#include <objcap/runtime.h>

#include <chrono>
#include <thread>

namespace objcap::cli {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::chrono::milliseconds budget{20};

// Milliseconds from the budget's expiry to the failed call's result on the host. The budget
// starts when the call starts on the sandbox thread, a few microseconds after it was queued,
// so this slightly overstates the latency.
objcap::Result<Samples> overrun(objcap::Sandbox &sandbox, const std::string &source, int samples)
{
    Samples late;
    for (int i = 0; i < samples; ++i) {
        const auto start = Clock::now();
        auto result = sandbox.exec(source, "runaway.py", objcap::RunOptions{budget}).get();
        const auto elapsed = Clock::now() - start;
        if (result || result.error().code != objcap::ErrorCode::LimitExceeded)
            return objcap::Error::make(objcap::ErrorCode::Runtime, "a runaway call was not stopped by its budget");
        late.add(std::chrono::duration<double, std::milli>(elapsed - budget).count());
    }
    return late;
}

// Milliseconds from Sandbox::interrupt() to the failed call's result: the same path without
// the watchdog's own wake-up.
objcap::Result<Samples> hostInterrupt(objcap::Sandbox &sandbox, const std::string &source, int samples)
{
    Samples late;
    for (int i = 0; i < samples; ++i) {
        auto future = sandbox.exec(source, "runaway.py");
        while (!sandbox.busy())
            std::this_thread::yield();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        const auto start = Clock::now();
        sandbox.interrupt();
        auto result = future.get();
        const auto elapsed = Clock::now() - start;
        if (result || result.error().code != objcap::ErrorCode::Interrupted)
            return objcap::Error::make(objcap::ErrorCode::Runtime, "a runaway call was not stopped by interrupt()");
        late.add(std::chrono::duration<double, std::milli>(elapsed).count());
    }
    return late;
}

} // namespace

objcap::Result<void> InterruptBench::run(const BenchSettings &settings, BenchReport &report)
{
    objcap::SandboxOptions options;
    options.name = "bench-interrupt";
    auto sandbox = settings.runtime.createSandbox(std::move(options));
    if (!sandbox)
        return sandbox.error();
    if (auto ran = sandbox.value()->exec("import re\n", "setup.py").get(); !ran)
        return ran.error();
    const int samples = settings.scaled(10, 40);
    auto python = overrun(*sandbox.value(), "while True:\n    pass\n", samples);
    if (!python)
        return python.error();
    auto regex = overrun(*sandbox.value(), "re.match(r'(a+)+$', 'a' * 40 + 'b')\n", samples);
    if (!regex)
        return regex.error();
    report.add({QStringLiteral("interrupt_ms_python"), python->median(), QStringLiteral("ms"), {}, std::nullopt,
                BenchReport::Bar::atMost(10)});
    report.add({QStringLiteral("interrupt_ms_regex"), regex->median(), QStringLiteral("ms"), {}, std::nullopt,
                BenchReport::Bar::atMost(10)});
    auto host = hostInterrupt(*sandbox.value(), "while True:\n    pass\n", samples);
    if (!host)
        return host.error();
    report.addDetail(QStringLiteral("host_interrupt_ms_python"), host->median());
    report.addDetail(QStringLiteral("interrupt_ms_python_p95"), python->percentile(95));
    report.addDetail(QStringLiteral("interrupt_ms_regex_p95"), regex->percentile(95));
    return {};
}

} // namespace objcap::cli
