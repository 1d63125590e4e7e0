#include "sandboxtesting.h"

#include <objcap/version.h>

using namespace testing;

class tst_Runtime : public QObject {
    Q_OBJECT

private slots:
    void startsPatchedRuntime();
    void refusesUnpatchedRuntime();
    void refusesMissingStdlib();
    void refusesSecondRuntime();
    void teardownLeavesNoInterpreter();
    void runtimeEndsSandboxesStillAlive();
};

void tst_Runtime::startsPatchedRuntime()
{
    auto runtime = startRuntime();
    const objcap::RuntimeInfo &info = runtime->info();
    QCOMPARE(QString::fromStdString(info.pythonVersion), QStringLiteral("3.13.5"));
    QCOMPARE(info.patchLevel, OBJCAP_REQUIRED_PATCH_LEVEL);
    QCOMPARE(QString::fromStdString(info.objcapVersion), QStringLiteral(OBJCAP_VERSION));
    // The runtime embedded is the build tree's copy, found next to the executable.
    QVERIFY2(QString::fromStdString(info.libraryPath).endsWith(QStringLiteral("/lib/libpython3.13.so.1.0")),
             info.libraryPath.c_str());
    QCOMPARE(runtime->interpreterCount(), 1);
}

void tst_Runtime::refusesUnpatchedRuntime()
{
    objcap::RuntimeOptions options;
    options.patchMarkerSymbol = "objcap_patch_level_of_an_unpatched_runtime";
    auto refused = objcap::Runtime::start(options);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, objcap::ErrorCode::Unpatched);
    QVERIFY2(refused.error().message.find("lacks the objcap patch set") != std::string::npos,
             refused.error().message.c_str());
    QVERIFY(refused.error().message.find("libpython3.13") != std::string::npos);
    // Nothing happened: CPython was not initialised, so the real start still works.
    auto runtime = startRuntime();
    QCOMPARE(runtime->interpreterCount(), 1);
}

void tst_Runtime::refusesMissingStdlib()
{
    objcap::RuntimeOptions options;
    options.pythonHome = "/nonexistent/objcap-home";
    auto refused = objcap::Runtime::start(options);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, objcap::ErrorCode::Runtime);
    QVERIFY2(refused.error().message.find("/nonexistent/objcap-home/lib/python3.13") != std::string::npos,
             refused.error().message.c_str());
    auto runtime = startRuntime();
    QCOMPARE(runtime->interpreterCount(), 1);
}

void tst_Runtime::refusesSecondRuntime()
{
    auto runtime = startRuntime();
    auto second = objcap::Runtime::start();
    QVERIFY(!second);
    QVERIFY(second.error().message.find("only once per process") != std::string::npos);
    // The first one is unharmed.
    auto sandbox = newSandbox(*runtime);
    QCOMPARE(sandbox->eval("2 + 2").get().value(), objcap::Value(4));
}

void tst_Runtime::teardownLeavesNoInterpreter()
{
    auto runtime = startRuntime();
    {
        auto a = newSandbox(*runtime);
        auto b = newSandbox(*runtime);
        auto c = newSandbox(*runtime);
        QCOMPARE(runtime->interpreterCount(), 4);
        QVERIFY(a->exec("x = [i for i in range(1000)]", "a.py").get());
        b.reset();
        QCOMPARE(runtime->interpreterCount(), 3);
    }
    QCOMPARE(runtime->interpreterCount(), 1);
}

void tst_Runtime::runtimeEndsSandboxesStillAlive()
{
    auto runtime = startRuntime();
    auto sandbox = newSandbox(*runtime);
    QCOMPARE(runtime->interpreterCount(), 2);
    runtime.reset();  // must end the sub-interpreter before finalising, without crashing
    auto late = sandbox->eval("1").get();
    QVERIFY(!late);
    QCOMPARE(late.error().code, objcap::ErrorCode::Closed);
}

QTEST_APPLESS_MAIN(tst_Runtime)
#include "tst_runtime.moc"
