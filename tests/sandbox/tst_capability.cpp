// The host-capability API as a host developer uses it: public headers only.
#include "sandboxtesting.h"

#include <objcap/capability.h>
#include <objcap/filecapabilities.h>
#include <objcap/timerscapability.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>

using namespace testing;
using objcap::Value;

class tst_Capability : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { m_runtime = startRuntime(); }
    void cleanupTestCase() { m_runtime.reset(); }
    void hostDefinedCapability();
    void argumentErrorsAreTypeErrors();
    void notGrantedIsAbsent();
    void proxiesAreOpaque_data();
    void proxiesAreOpaque();
    void revocationReachesMintedCapabilitiesAndHandles();
    void callsAreAudited();
    void directoryQuotaLeavesFilesAsTheyWere();
    void timersRunOnThePluginThreadAndEndWithIt();

private:
    std::shared_ptr<objcap::Capability> counter();
    std::unique_ptr<objcap::Runtime> m_runtime;
    std::atomic<std::int64_t> m_count{0};
};

std::shared_ptr<objcap::Capability> tst_Capability::counter()
{
    return std::make_shared<objcap::FunctionCapability>(
        "counter",
        objcap::FunctionCapability::Methods{
            {"add", [this](const objcap::Arguments &args) -> objcap::Result<Value> {
                 auto by = args.integer(0, "by", 1);
                 if (auto ok = args.expect(1, {"by"}); !ok)
                     return ok.error();
                 if (!by)
                     return by.error();
                 return Value(m_count += by.value());
             }},
            {"echo", [](const objcap::Arguments &args) -> objcap::Result<Value> { return args.get(0, "value"); }},
        });
}

void tst_Capability::hostDefinedCapability()
{
    auto sandbox = newSandbox(*m_runtime);
    sandbox->grant("counter", counter());
    QCOMPARE(sandbox->eval("ctx.counter.add()").get().value(), Value(1));
    QCOMPARE(sandbox->eval("ctx.counter.add(by=41)").get().value(), Value(42));
    QCOMPARE(m_count.load(), std::int64_t{42});
    // Values cross by copy, both ways, nested.
    QCOMPARE(sandbox->eval("ctx.counter.echo({'a': [1, 2.5, None, b'x']})").get().value(),
             Value(Value::Dict{{"a", Value::List{1, 2.5, Value(), objcap::Bytes{"x"}}}}));
}

void tst_Capability::argumentErrorsAreTypeErrors()
{
    auto sandbox = newSandbox(*m_runtime);
    sandbox->grant("counter", counter());
    auto wrongType = sandbox->eval("ctx.counter.add('many')").get();
    QVERIFY(!wrongType);
    QCOMPARE(QString::fromStdString(wrongType.error().message),
             QStringLiteral("TypeError: add() argument 'by' must be int, not str"));
    auto tooMany = sandbox->eval("ctx.counter.add(1, 2)").get();
    QVERIFY(!tooMany);
    QVERIFY2(tooMany.error().message.find("add() takes at most 1 argument (2 given)") != std::string::npos,
             describe(tooMany));
    auto object = sandbox->eval("ctx.counter.echo(object())").get();
    QVERIFY(!object);
    QCOMPARE(object.error().exceptionType, std::string("TypeError"));
    QCOMPARE(m_count.load(), std::int64_t{0});  // nothing ran
}

void tst_Capability::notGrantedIsAbsent()
{
    auto sandbox = newSandbox(*m_runtime);
    auto absent = sandbox->eval("ctx.counter").get();
    QVERIFY(!absent);
    QCOMPARE(QString::fromStdString(absent.error().message),
             QStringLiteral("AttributeError: capability 'counter' was not granted"));
    sandbox->grant("counter", counter());  // grants take effect at once
    QCOMPARE(sandbox->eval("dir(ctx)").get().value(), Value(Value::List{"counter"}));
}

void tst_Capability::proxiesAreOpaque_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("exception");
    QTest::newRow("__dict__") << "ctx.counter.__dict__" << "AttributeError";
    QTest::newRow("vars") << "vars(ctx.counter)" << "TypeError";
    QTest::newRow("unknown name") << "ctx.counter.secret" << "AttributeError";
    QTest::newRow("set attribute") << "setattr(ctx.counter, 'add', None)" << "AttributeError";
    QTest::newRow("instantiate") << "type(ctx.counter)()" << "TypeError";
    QTest::newRow("subclass") << "type('X', (type(ctx.counter),), {})" << "TypeError";
    QTest::newRow("reduce") << "ctx.counter.__reduce_ex__(2)" << "TypeError";
    QTest::newRow("copy") << "__import__('copy').copy(ctx.counter)" << "TypeError";
    QTest::newRow("deepcopy") << "__import__('copy').deepcopy(ctx.counter)" << "TypeError";
    QTest::newRow("method internals") << "ctx.counter.add.__self__" << "AttributeError";
}

void tst_Capability::proxiesAreOpaque()
{
    QFETCH(QString, expression);
    QFETCH(QString, exception);
    auto sandbox = newSandbox(*m_runtime);
    sandbox->grant("counter", counter());
    auto result = sandbox->eval(expression.toStdString()).get();
    QVERIFY2(!result, qPrintable(expression));
    QCOMPARE(QString::fromStdString(result.error().exceptionType), exception);
    QCOMPARE(sandbox->eval("sorted(dir(ctx.counter))").get().value(), Value(Value::List{"add", "echo"}));
    QCOMPARE(sandbox->eval("repr(ctx.counter)").get().value(), Value("<objcap counter capability>"));
}

void tst_Capability::revocationReachesMintedCapabilitiesAndHandles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("sub")));
    QFile file(dir.filePath(QStringLiteral("sub/a.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write("one\ntwo\n") == 8);
    file.close();
    auto files = objcap::makeDirectoryCapability({dir.path().toStdString(), false, std::nullopt});
    QVERIFY(files);
    auto sandbox = newSandbox(*m_runtime);
    sandbox->grant("files", files.value());
    QVERIFY(sandbox->exec("sub = ctx.files.subdir('sub')\nro = ctx.files.readonly()\n"
                          "handle = sub.open('a.txt')\nfirst = handle.readline()\n",
                          "r.py")
                .get());
    QCOMPARE(sandbox->eval("first").get().value(), Value("one\n"));
    QVERIFY(sandbox->revoke("files"));
    for (const char *expression : {"ctx.files.listdir()", "sub.read_text('a.txt')", "ro.listdir()", "handle.readline()"}) {
        auto refused = sandbox->eval(expression).get();
        QVERIFY2(!refused, expression);
        QCOMPARE(QString::fromStdString(refused.error().exceptionType), QStringLiteral("objcap.RevokedError"));
    }
    QVERIFY(!sandbox->revoke("nothing"));
}

void tst_Capability::callsAreAudited()
{
    auto sandbox = newSandbox(*m_runtime);
    sandbox->grant("counter", counter());
    QVERIFY(sandbox->eval("ctx.counter.echo('target')").get());
    const auto log = sandbox->auditLog();
    QVERIFY(std::any_of(log.begin(), log.end(), [](const objcap::AuditRecord &r) {
        return r.allowed && r.event == "counter.echo" && r.detail == "target";
    }));
}

void tst_Capability::directoryQuotaLeavesFilesAsTheyWere()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile existing(dir.filePath(QStringLiteral("a.txt")));
    QVERIFY(existing.open(QIODevice::WriteOnly) && existing.write(QByteArray(60, 'a')) == 60);
    existing.close();
    auto files = objcap::makeDirectoryCapability({dir.path().toStdString(), false, 100});
    QVERIFY(files);
    auto sandbox = newSandbox(*m_runtime);
    sandbox->grant("files", files.value());
    QVERIFY(sandbox->exec("ctx.files.write_text('b.txt', 'b' * 30)\n", "q.py").get());  // 90 of 100
    auto refused = sandbox->exec("ctx.files.write_text('a.txt', 'x' * 80)\n", "q.py").get();
    QVERIFY(!refused);
    QCOMPARE(QString::fromStdString(refused.error().exceptionType), QStringLiteral("objcap.CapabilityError"));
    QVERIFY2(refused.error().message.find("quota exceeded writing 'a.txt'") != std::string::npos, describe(refused));
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray(60, 'a'));  // as it was
    existing.close();
    auto refusedNew = sandbox->exec("ctx.files.write_text('new.txt', 'n' * 20)\n", "q.py").get();
    QVERIFY(!refusedNew);
    QCOMPARE(QString::fromStdString(refusedNew.error().exceptionType), QStringLiteral("objcap.CapabilityError"));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("new.txt"))));  // not even created empty
    auto handle = sandbox->exec("f = ctx.files.open('c.txt', 'w')\nf.write('c' * 20)\n", "q.py").get();
    QVERIFY(!handle);
    QCOMPARE(QString::fromStdString(handle.error().exceptionType), QStringLiteral("objcap.CapabilityError"));
    QVERIFY(sandbox->exec("ctx.files.remove('b.txt')\nctx.files.write_text('a.txt', 'x' * 80)\n", "q.py").get());
}

void tst_Capability::timersRunOnThePluginThreadAndEndWithIt()
{
    auto timers = objcap::makeTimersCapability();
    {
        auto sandbox = newSandbox(*m_runtime);
        sandbox->grant("timers", timers);
        QVERIFY(sandbox->exec("ticks = []\n"
                              "h = ctx.timers.every(0.005, lambda: ticks.append(len(ticks)))\n"
                              "once = ctx.timers.call_later(0, lambda: ticks.append('once'))\n",
                              "t.py")
                    .get());
        // The callbacks ran in the plugin's own interpreter: they see its globals.
        QTRY_VERIFY_WITH_TIMEOUT(sandbox->eval("len(ticks) >= 4").get().value() == Value(true), 10000);
        QCOMPARE(sandbox->eval("'once' in ticks").get().value(), Value(true));
        QCOMPARE(timers->attribute("pending").value(), Value(1));  // the repeating one
    }
    // The sandbox is gone: its timers are dropped at their next expiry, nothing runs.
    QTRY_COMPARE_WITH_TIMEOUT(timers->attribute("pending").value(), Value(0), 10000);
}

QTEST_APPLESS_MAIN(tst_Capability)
#include "tst_capability.moc"
