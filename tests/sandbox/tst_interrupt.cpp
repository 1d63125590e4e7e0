#include "sandboxtesting.h"

#include <atomic>
#include <chrono>
#include <thread>

using namespace testing;
using namespace std::chrono_literals;
using objcap::Value;

class tst_Interrupt : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { m_runtime = startRuntime(); }
    void cleanupTestCase() { m_runtime.reset(); }
    void timeLimitStops_data();
    void timeLimitStops();
    void hostInterruptStopsRunningCall();
    void shutdownStopsRunningCall();
    void idleInterruptDoesNotHitNextCall();
    void nativeLoopPastBudgetIsStillLimit();
    void finalizerLoopDoesNotHangTeardown();
    void sandboxReleasedFromItsOwnOutput();
    void memoryBudgetStopsOnlyThatPlugin();

private:
    std::unique_ptr<objcap::Runtime> m_runtime;
};

void tst_Interrupt::timeLimitStops_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("python loop") << "while True:\n    pass\n";
    QTest::newRow("loop that catches everything") << "while True:\n"
                                                     "    try:\n"
                                                     "        while True:\n"
                                                     "            pass\n"
                                                     "    except BaseException:\n"
                                                     "        pass\n";
    QTest::newRow("catastrophic regex") << "import re\nre.match(r'(a+)+$', 'a' * 40 + 'b')\n";
    QTest::newRow("handler that re-enters the loop") << "def f():\n"
                                                        "    while True:\n"
                                                        "        try:\n"
                                                        "            while True:\n"
                                                        "                pass\n"
                                                        "        except BaseException:\n"
                                                        "            f()\n"
                                                        "f()\n";
    QTest::newRow("finally that loops") << "try:\n    while True:\n        pass\nfinally:\n    while True:\n        pass\n";
    QTest::newRow("regex in a catching loop") << "import re\n"
                                                 "while True:\n"
                                                 "    try:\n"
                                                 "        re.match(r'(a+)+$', 'a' * 40 + 'b')\n"
                                                 "    except BaseException:\n"
                                                 "        pass\n";
}

void tst_Interrupt::timeLimitStops()
{
    QFETCH(QString, source);
    auto sandbox = newSandbox(*m_runtime);
    objcap::RunOptions options;
    options.timeLimit = 100ms;
    auto result = sandbox->exec(source.toStdString(), "runaway.py", options).get();
    QVERIFY(!result);
    QCOMPARE(result.error().code, objcap::ErrorCode::LimitExceeded);
    QCOMPARE(result.error().exceptionType, std::string("objcap.LimitExceeded"));
    QVERIFY2(result.error().traceback.find("runaway.py") != std::string::npos, describe(result));
    // The sandbox is usable again, with no interrupt left over for the next call.
    auto after = sandbox->exec("t = 0\nfor i in range(200000):\n    t += i\n", "after.py").get();
    QVERIFY2(after, describe(after));
    QCOMPARE(sandbox->eval("t").get().value(), Value(std::int64_t{19999900000}));
}

void tst_Interrupt::hostInterruptStopsRunningCall()
{
    auto sandbox = newSandbox(*m_runtime);
    auto future = sandbox->exec("import re\nre.match(r'(a+)+$', 'a' * 40 + 'b')\n", "stuck.py");
    // Interrupt only once the call is running; an idle sandbox ignores interrupts.
    while (!sandbox->busy())
        std::this_thread::yield();
    sandbox->interrupt();
    auto result = future.get();
    QVERIFY(!result);
    QCOMPARE(result.error().code, objcap::ErrorCode::Interrupted);
    QCOMPARE(sandbox->eval("'alive'").get().value(), Value("alive"));
}

void tst_Interrupt::shutdownStopsRunningCall()
{
    auto sandbox = newSandbox(*m_runtime);
    auto running = sandbox->exec("while True:\n    pass\n", "forever.py");
    auto queued = sandbox->eval("1");
    while (!sandbox->busy())
        std::this_thread::yield();
    sandbox.reset();  // must not hang
    auto result = running.get();
    QVERIFY(!result);
    QCOMPARE(result.error().code, objcap::ErrorCode::Interrupted);
    auto never = queued.get();
    QVERIFY(!never);
    QCOMPARE(never.error().code, objcap::ErrorCode::Closed);
    QCOMPARE(m_runtime->interpreterCount(), 1);
}

void tst_Interrupt::idleInterruptDoesNotHitNextCall()
{
    auto sandbox = newSandbox(*m_runtime);
    sandbox->interrupt();
    auto result = sandbox->exec("t = 0\nfor i in range(100000):\n    t += 1\n", "next.py").get();
    QVERIFY2(result, describe(result));
    QCOMPARE(sandbox->eval("t").get().value(), Value(100000));
}

// A native loop that never checks for interrupts overruns its budget; it must still count as
// stopped by the limit, not as a success.
void tst_Interrupt::nativeLoopPastBudgetIsStillLimit()
{
    auto sandbox = newSandbox(*m_runtime);
    objcap::RunOptions options;
    options.timeLimit = 1ms;
    auto result = sandbox->eval("0 in __import__('itertools').repeat(1, 30_000_000)", options).get();
    QVERIFY(!result);
    QCOMPARE(result.error().code, objcap::ErrorCode::LimitExceeded);
}

void tst_Interrupt::finalizerLoopDoesNotHangTeardown()
{
    Output output;
    auto sandbox = newSandbox(*m_runtime, output.sink());
    auto result = sandbox->exec("class Sticky:\n"
                                "    def __del__(self):\n"
                                "        print('finalizing')\n"
                                "        while True:\n"
                                "            pass\n"
                                "x = Sticky()\n",
                                "sticky.py")
                      .get();
    QVERIFY2(result, describe(result));
    sandbox.reset();  // the finalizer runs under the teardown budget
    QCOMPARE(m_runtime->interpreterCount(), 1);
    QCOMPARE(QString::fromStdString(output.out), QStringLiteral("finalizing\n"));  // it did run
}

void tst_Interrupt::sandboxReleasedFromItsOwnOutput()
{
    std::unique_ptr<objcap::Sandbox> sandbox;
    std::atomic<bool> released{false};
    sandbox = newSandbox(*m_runtime, [&](objcap::Stream, std::string_view) {
        if (!released.exchange(true))
            sandbox.reset();  // on the sandbox's own thread, inside print()
    });
    auto result = sandbox->exec("print('bye')\nprint('still running')\n", "self.py");
    QVERIFY(result.get());
    QVERIFY(released);
    QTRY_COMPARE_WITH_TIMEOUT(m_runtime->interpreterCount(), 1, 20000);
}

void tst_Interrupt::memoryBudgetStopsOnlyThatPlugin()
{
    objcap::SandboxOptions options;
    options.name = "greedy";
    options.memoryLimit = 48u << 20;
    auto greedy = std::move(m_runtime->createSandbox(std::move(options))).value();
    auto neighbour = newSandbox(*m_runtime);
    auto result = greedy->exec("hoard = []\nwhile True:\n    hoard.append(bytearray(1 << 20))\n", "greedy.py").get();
    QVERIFY(!result);
    QCOMPARE(result.error().code, objcap::ErrorCode::LimitExceeded);
    QCOMPARE(result.error().exceptionType, std::string("MemoryError"));
    QVERIFY2(result.error().message.find("memory limit of 48 MiB exceeded") != std::string::npos, describe(result));
    // The neighbour has no such limit and allocates freely; the greedy one recovers once it lets go.
    QVERIFY(neighbour->exec("big = bytearray(100 << 20)\n", "n.py").get());
    QVERIFY(greedy->exec("hoard.clear()\nsmall = bytearray(1 << 20)\n", "g.py").get());
}

QTEST_APPLESS_MAIN(tst_Interrupt)
#include "tst_interrupt.moc"
