// A sandbox stuck in native code that ignores interrupts is abandoned, so that destroying it,
// destroying the runtime and exiting the process all return. Each test ends with the stuck
// thread still spinning: the process exiting 0 is part of what is tested.
#include "sandboxtesting.h"

#include <objcap/capability.h>

#include <future>
#include <thread>

using namespace testing;

namespace {

// any() over an endless iterator: a C loop that never checks for interrupts.
constexpr const char *stuckSource = "import itertools\nany(itertools.repeat(0))\n";

void waitUntilBusy(objcap::Sandbox &sandbox)
{
    while (!sandbox.busy())
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

} // namespace

class tst_Abandon : public QObject {
    Q_OBJECT

private slots:
    void destroyingStuckSandboxAbandonsIt();
    void newSandboxAfterAbandoned();
    void runtimeAbandonsStuckSandboxStillAlive();
    void returningCallReachesNothing();
};

void tst_Abandon::destroyingStuckSandboxAbandonsIt()
{
    auto runtime = startRuntime();
    auto sandbox = newSandbox(*runtime);
    auto probe = std::make_shared<objcap::FunctionCapability>("probe", objcap::FunctionCapability::Methods{
        {"ping", [](const objcap::Arguments &) -> objcap::Result<objcap::Value> { return objcap::Value(1); }}});
    sandbox->grant("probe", probe);
    auto stuck = sandbox->exec(stuckSource, "stuck.py", objcap::RunOptions{std::chrono::milliseconds(100)});
    auto queued = sandbox->eval("1");
    waitUntilBusy(*sandbox);
    QCOMPARE(runtime->abandonedCount(), 0);

    sandbox.reset();  // returns after the grace instead of waiting for the call
    QCOMPARE(runtime->abandonedCount(), 1);
    QVERIFY(!probe->revoked());  // only the abandoned sandbox lost it: the host can grant it again
    // Every future it handed out is ready.
    const auto stuckResult = stuck.get();
    QVERIFY(!stuckResult);
    QCOMPARE(stuckResult.error().code, objcap::ErrorCode::Closed);
    QVERIFY2(stuckResult.error().message.find("abandoned") != std::string::npos, describe(stuckResult));
    const auto queuedResult = queued.get();
    QVERIFY(!queuedResult);
    QCOMPARE(queuedResult.error().code, objcap::ErrorCode::Closed);

    runtime.reset();  // does not finalise CPython under the stuck thread, and returns
}

void tst_Abandon::newSandboxAfterAbandoned()
{
    auto runtime = startRuntime();
    auto stuck = newSandbox(*runtime);
    auto running = stuck->exec(stuckSource, "stuck.py");
    waitUntilBusy(*stuck);
    stuck.reset();
    QCOMPARE(runtime->abandonedCount(), 1);
    QCOMPARE(runtime->interpreterCount(), 2);  // the abandoned one is never ended

    auto fresh = newSandbox(*runtime);
    QCOMPARE(runtime->interpreterCount(), 3);
    const auto sum = fresh->eval("sum(range(10))").get();
    QVERIFY2(sum, describe(sum));
    QCOMPARE(sum.value(), objcap::Value(45));
    fresh.reset();  // a healthy sandbox still ends cleanly
    QCOMPARE(runtime->interpreterCount(), 2);
    QCOMPARE(runtime->abandonedCount(), 1);
    runtime.reset();
}

void tst_Abandon::runtimeAbandonsStuckSandboxStillAlive()
{
    auto runtime = startRuntime();
    auto healthy = newSandbox(*runtime);
    auto stuck = newSandbox(*runtime);
    auto running = stuck->exec(stuckSource, "stuck.py");
    waitUntilBusy(*stuck);
    QVERIFY(healthy->exec("x = 1", "healthy.py").get());

    runtime.reset();
    QVERIFY(stuck->abandoned());
    QVERIFY(!healthy->abandoned());
    QCOMPARE(running.get().error().code, objcap::ErrorCode::Closed);
    const auto late = healthy->eval("x").get();
    QVERIFY(!late);
    QCOMPARE(late.error().code, objcap::ErrorCode::Closed);
    QVERIFY(!stuck->close());  // after the runtime: returns at once, still abandoned
    QVERIFY(healthy->close());
    stuck.reset();
    healthy.reset();
}

// A call the host gave up on may still return (here: a capability that blocks until the test
// lets it go). Its plugin code then reaches nothing: its grants are revoked and its output no
// longer reaches the host, and its interpreter is left as it is.
void tst_Abandon::returningCallReachesNothing()
{
    auto runtime = startRuntime();
    std::promise<void> entered, release;
    std::shared_future<void> released = release.get_future().share();
    std::atomic<int> touched{0};
    std::atomic<int> lines{0};
    auto gate = std::make_shared<objcap::FunctionCapability>("gate", objcap::FunctionCapability::Methods{
        {"wait", [&entered, released](const objcap::Arguments &) -> objcap::Result<objcap::Value> {
             entered.set_value();
             released.wait();
             return objcap::Value();
         }},
        {"touch", [&touched](const objcap::Arguments &) -> objcap::Result<objcap::Value> {
             ++touched;
             return objcap::Value();
         }}});
    // Held only by the sandbox's own object, which its thread keeps until it exits.
    auto token = std::make_shared<int>(0);
    std::weak_ptr<int> threadAlive = token;
    auto sandbox = newSandbox(*runtime, [token = std::move(token), &lines](objcap::Stream, std::string_view) { ++lines; });
    sandbox->grant("gate", gate);
    auto running = sandbox->exec("try:\n    ctx.gate.wait()\nfinally:\n    print('after')\n    ctx.gate.touch()\n",
                                 "gate.py");
    entered.get_future().wait();
    sandbox.reset();
    QCOMPARE(runtime->abandonedCount(), 1);
    QCOMPARE(running.get().error().code, objcap::ErrorCode::Closed);

    release.set_value();
    while (!threadAlive.expired())
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    QCOMPARE(lines.load(), 0);
    QCOMPARE(touched.load(), 0);
    QCOMPARE(runtime->interpreterCount(), 2);  // left unended: no finalizer ran

    // The host's capability is untouched: a new sandbox may use it.
    auto fresh = newSandbox(*runtime);
    fresh->grant("gate", gate);
    QVERIFY(fresh->exec("ctx.gate.touch()", "fresh.py").get());
    QCOMPARE(touched.load(), 1);
    fresh.reset();
    runtime.reset();
}

QTEST_APPLESS_MAIN(tst_Abandon)
#include "tst_abandon.moc"
