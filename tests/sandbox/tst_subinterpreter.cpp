#include "sandboxtesting.h"

#include <QFile>

#include <algorithm>
#include <chrono>
#include <latch>

using namespace testing;
using objcap::Value;

Q_DECLARE_METATYPE(objcap::Value)

class tst_SubInterpreter : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { m_runtime = startRuntime(); }
    void cleanupTestCase() { m_runtime.reset(); }
    void evalReturnsValue_data();
    void evalReturnsValue();
    void namesPersistBetweenCalls();
    void unsupportedValueIsTypeError();
    void outputReachesTheHost();
    void systemExitDoesNotEndProcess_data();
    void systemExitDoesNotEndProcess();
    void tracebackShowsSourceLines();
    void syntaxErrorPointsAtLine();
    void sandboxesDoNotShareNames();
    void twoSandboxesRunInParallel();
    void lockdownRefusesAndRecords();
    void hostNarrowsThePolicy();

private:
    std::unique_ptr<objcap::Runtime> m_runtime;
};

void tst_SubInterpreter::evalReturnsValue_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<Value>("expected");
    QTest::newRow("int") << "sum(range(10))" << Value(45);
    QTest::newRow("big int") << "2**62" << Value(std::int64_t{1} << 62);
    QTest::newRow("float") << "1 / 4" << Value(0.25);
    QTest::newRow("str") << "'é' * 2" << Value("éé");
    QTest::newRow("bytes") << "bytes([0, 255])" << Value(objcap::Bytes{std::string("\0\xff", 2)});
    QTest::newRow("none") << "None" << Value();
    QTest::newRow("nested") << "{'a': [1, 2.5, None, True], 'b': (b'x',)}"
                            << Value(Value::Dict{{"a", Value::List{1, 2.5, Value(), true}},
                                                 {"b", Value::List{objcap::Bytes{"x"}}}});
}

void tst_SubInterpreter::evalReturnsValue()
{
    QFETCH(QString, expression);
    QFETCH(Value, expected);
    auto sandbox = newSandbox(*m_runtime);
    auto result = sandbox->eval(expression.toStdString()).get();
    QVERIFY2(result, describe(result));
    QCOMPARE(result.value(), expected);
}

void tst_SubInterpreter::namesPersistBetweenCalls()
{
    auto sandbox = newSandbox(*m_runtime);
    QVERIFY(sandbox->exec("x = 6 * 7", "a.py").get());
    QCOMPARE(sandbox->eval("x").get().value(), Value(42));
}

void tst_SubInterpreter::unsupportedValueIsTypeError()
{
    auto sandbox = newSandbox(*m_runtime);
    auto objectResult = sandbox->eval("object()").get();
    QVERIFY(!objectResult);
    QCOMPARE(objectResult.error().code, objcap::ErrorCode::PluginException);
    QCOMPARE(objectResult.error().exceptionType, std::string("TypeError"));
    QVERIFY(objectResult.error().message.find("cannot cross the sandbox boundary") != std::string::npos);
    auto cyclic = sandbox->eval("(lambda l: (l.append(l), l)[1])([])").get();
    QVERIFY(!cyclic);
    QCOMPARE(cyclic.error().exceptionType, std::string("TypeError"));
    // Small in Python, 2**60 items as a copy: refused by size, not attempted.
    QVERIFY(sandbox->exec("a = []\nfor i in range(60):\n    a = [a, a]\n", "shared.py").get());
    auto shared = sandbox->eval("a").get();
    QVERIFY(!shared);
    QVERIFY2(shared.error().message.find("more than 1000000 items") != std::string::npos, describe(shared));
    auto huge = sandbox->eval("2**64").get();
    QVERIFY(!huge);
    QCOMPARE(huge.error().exceptionType, std::string("OverflowError"));
}

void tst_SubInterpreter::outputReachesTheHost()
{
    Output output;
    auto sandbox = newSandbox(*m_runtime, output.sink());
    // A plugin has no stderr object; what CPython reports on its behalf (an exception in a
    // finalizer) still reaches the host's stderr sink.
    auto result = sandbox->exec("class Noisy:\n"
                                "    def __del__(self):\n"
                                "        raise ValueError('from a finalizer')\n"
                                "print('hello', 42)\n"
                                "Noisy()\n",
                                "out.py")
                      .get();
    QVERIFY2(result, describe(result));
    QCOMPARE(QString::fromStdString(output.out), QStringLiteral("hello 42\n"));
    QVERIFY2(QString::fromStdString(output.err).contains(QStringLiteral("ValueError: from a finalizer")),
             output.err.c_str());
}

void tst_SubInterpreter::systemExitDoesNotEndProcess_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("type");
    QTest::newRow("SystemExit") << "raise SystemExit(7)" << "SystemExit";
    QTest::newRow("SystemExit from a finally") << "try:\n    pass\nfinally:\n    raise SystemExit(0)" << "SystemExit";
    QTest::newRow("KeyboardInterrupt") << "raise KeyboardInterrupt" << "KeyboardInterrupt";
}

void tst_SubInterpreter::systemExitDoesNotEndProcess()
{
    QFETCH(QString, source);
    QFETCH(QString, type);
    auto sandbox = newSandbox(*m_runtime);
    auto result = sandbox->exec(source.toStdString(), "exit.py").get();
    QVERIFY(!result);
    QCOMPARE(result.error().code, objcap::ErrorCode::PluginException);
    QCOMPARE(QString::fromStdString(result.error().exceptionType), type);
    // Still here, and the sandbox still works.
    QCOMPARE(sandbox->eval("1 + 1").get().value(), Value(2));
}

void tst_SubInterpreter::tracebackShowsSourceLines()
{
    auto sandbox = newSandbox(*m_runtime);
    auto result = sandbox->exec("def f():\n    return 1 / 0\n\nf()\n", "plugin.py").get();
    QVERIFY(!result);
    const QString tb = QString::fromStdString(result.error().traceback);
    QVERIFY2(tb.contains(QStringLiteral("File \"plugin.py\", line 2, in f")), qPrintable(tb));
    QVERIFY2(tb.contains(QStringLiteral("return 1 / 0")), qPrintable(tb));
    QCOMPARE(QString::fromStdString(result.error().message), QStringLiteral("ZeroDivisionError: division by zero"));
}

void tst_SubInterpreter::syntaxErrorPointsAtLine()
{
    auto sandbox = newSandbox(*m_runtime);
    auto result = sandbox->exec("x = 1\ny = (\n", "broken.py").get();
    QVERIFY(!result);
    QCOMPARE(result.error().exceptionType, std::string("SyntaxError"));
    const QString tb = QString::fromStdString(result.error().traceback);
    QVERIFY2(tb.contains(QStringLiteral("File \"broken.py\", line 2")), qPrintable(tb));
}

void tst_SubInterpreter::sandboxesDoNotShareNames()
{
    auto a = newSandbox(*m_runtime);
    auto b = newSandbox(*m_runtime);
    QVERIFY(a->exec("secret = 'a'", "a.py").get());
    auto peek = b->eval("secret").get();
    QVERIFY(!peek);
    QCOMPARE(peek.error().exceptionType, std::string("NameError"));
}

// Both sandboxes start their CPU-bound loop together; with one GIL per interpreter their
// execution windows overlap. The windows are measured on the sandbox threads, no threshold.
void tst_SubInterpreter::twoSandboxesRunInParallel()
{
    auto a = newSandbox(*m_runtime);
    auto b = newSandbox(*m_runtime);
    const char *work = "def spin(n):\n    t = 0\n    for i in range(n):\n        t += i * i\n    return t\n";
    QVERIFY(a->exec(work, "work.py").get());
    QVERIFY(b->exec(work, "work.py").get());

    using Clock = std::chrono::steady_clock;
    std::latch start(3);
    struct Window { Clock::time_point begin, end; };
    auto timed = [&](objcap::Sandbox &s) {
        start.arrive_and_wait();
        const auto begin = Clock::now();
        auto r = s.eval("spin(3_000_000)").get();
        return std::make_pair(Window{begin, Clock::now()}, r.ok());
    };
    auto fa = std::async(std::launch::async, [&] { return timed(*a); });
    auto fb = std::async(std::launch::async, [&] { return timed(*b); });
    start.arrive_and_wait();
    auto [wa, okA] = fa.get();
    auto [wb, okB] = fb.get();
    QVERIFY(okA && okB);
    QVERIFY(wa.begin < wb.end && wb.begin < wa.end);
}

// The lockdown is on in every sandbox: refusals are specific, recorded, and harmless.
void tst_SubInterpreter::lockdownRefusesAndRecords()
{
    auto sandbox = newSandbox(*m_runtime);
    auto imported = sandbox->exec("import threading\n", "t.py").get();
    QVERIFY(!imported);
    QCOMPARE(imported.error().exceptionType, std::string("ImportError"));
    QCOMPARE(QString::fromStdString(imported.error().message),
             QStringLiteral("ImportError: import of 'threading' is not allowed in a sandbox"));
    auto opened = sandbox->exec("open('/tmp/objcap-should-not-exist', 'w')\n", "o.py").get();
    QVERIFY(!opened);
    QCOMPARE(opened.error().exceptionType, std::string("NameError"));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/objcap-should-not-exist")));
    auto hidden = sandbox->exec("(lambda: 0).__globals__\n", "g.py").get();
    QVERIFY(!hidden);
    QVERIFY2(hidden.error().message.find("'__globals__' is hidden in a sandbox") != std::string::npos,
             describe(hidden));

    QCOMPARE(sandbox->refusalCount(), std::uint64_t{2});  // the import and the attribute
    const auto log = sandbox->auditLog();
    QVERIFY(std::any_of(log.begin(), log.end(), [](const objcap::AuditRecord &r) {
        return !r.allowed && r.event == "import" && r.detail == "threading" && r.sandbox == "test";
    }));
    QCOMPARE(sandbox->eval("6 * 7").get().value(), Value(42));  // still alive
    QCOMPARE(m_runtime->interpreterCount(), 2);
}

void tst_SubInterpreter::hostNarrowsThePolicy()
{
    auto policy = std::make_shared<objcap::SandboxPolicy>(objcap::SandboxPolicy::defaults());
    policy->disallowImport("json");
    objcap::SandboxOptions options;
    options.name = "narrow";
    options.policy = policy;
    auto created = m_runtime->createSandbox(std::move(options));
    QVERIFY(created);
    auto narrow = std::move(created).value();
    auto refused = narrow->exec("import json\n", "n.py").get();
    QVERIFY(!refused);
    QCOMPARE(QString::fromStdString(refused.error().message),
             QStringLiteral("ImportError: import of 'json' is not allowed in a sandbox"));
    QVERIFY(narrow->exec("import re\n", "r.py").get());
    // Another sandbox keeps the defaults.
    auto other = newSandbox(*m_runtime);
    QVERIFY(other->exec("import json\n", "j.py").get());
}

QTEST_APPLESS_MAIN(tst_SubInterpreter)
#include "tst_subinterpreter.moc"
