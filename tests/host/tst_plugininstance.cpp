// A plugin's life in a host: states, the error and traceback kept for the UI, hooks answered
// asynchronously, revocation on a running plugin, the time budget ending a plugin that swallows
// LimitExceeded, reload. Each test function runs in a process of its own.
#include "../sandbox/sandboxtesting.h"

#include <objcap/logcapability.h>
#include <objcap/timerscapability.h>
#include <plugininstance.h>

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <mutex>

using objcap::host::PluginInstance;
using State = PluginInstance::State;

class tst_PluginInstance : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { m_log.clear(); }
    void disabledPluginDoesNotStart();
    void startCallStop();
    void failingActivateKeepsErrorAndTraceback();
    void revokeTakesEffectOnTheRunningPlugin();
    void raisingCallbackFailsThePlugin();
    void swallowedTimeLimitMarksUnresponsive();
    void reloadRunsTheNewCode();
    void stuckNativeCallIsMarkedWhileItRuns();
    void destroyingStuckInstanceReturns();
    void stoppingStuckInstanceAbandonsIt();
    void stuckDeactivateDoesNotHoldStopUp();

private:
    QString plugin(const QByteArray &main);
    std::unique_ptr<PluginInstance> instance(const QString &folder, bool enabled = true);
    static bool settles(PluginInstance &p, State state);

    std::unique_ptr<objcap::Runtime> m_runtime;
    QTemporaryDir m_dir;
    std::mutex m_mutex;
    QStringList m_log;
};

void tst_PluginInstance::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_runtime = testing::startRuntime();
    QVERIFY(m_runtime);
}

QString tst_PluginInstance::plugin(const QByteArray &main)
{
    const QString folder = m_dir.filePath(QStringLiteral("plugin"));
    QDir().mkpath(folder);
    QFile manifest(folder + QStringLiteral("/plugin.toml"));
    if (!manifest.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write the manifest");
    manifest.write("[plugin]\nid = \"org.example.life\"\nname = \"Life\"\nversion = \"1.0.0\"\nentry = \"main.py\"\n"
                   "[capabilities.log]\nreason = \"Logs\"\n");
    QFile entry(folder + QStringLiteral("/main.py"));
    if (!entry.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write main.py");
    entry.write(main);
    return folder;
}

std::unique_ptr<PluginInstance> tst_PluginInstance::instance(const QString &folder, bool enabled)
{
    PluginInstance::Options options;
    options.folder = folder;
    options.enabled = enabled;
    options.timeLimit = std::chrono::milliseconds(300);
    options.grants.push_back({"log", objcap::makeLogCapability([this](objcap::LogLevel, std::string_view message) {
                                  std::lock_guard lock(m_mutex);
                                  m_log << QString::fromUtf8(message.data(), static_cast<qsizetype>(message.size()));
                              })});
    return std::make_unique<PluginInstance>(*m_runtime, std::move(options));
}

// Runs the event loop until the plugin reaches `state` (or, failing the test, a minute passes).
bool tst_PluginInstance::settles(PluginInstance &p, State state)
{
    return QTest::qWaitFor([&] { return p.state() == state; }, 60000);
}

void tst_PluginInstance::disabledPluginDoesNotStart()
{
    auto p = instance(plugin("def activate(ctx):\n    ctx.log.info('activated')\n"), false);
    QCOMPARE(p->state(), State::Disabled);
    p->start();
    QCOMPARE(p->state(), State::Disabled);
    QCOMPARE(p->error(), QStringLiteral("the plugin is disabled"));
    QTest::qWait(50);
    QVERIFY(m_log.isEmpty());  // nothing ran
    p->setEnabled(true);
    QCOMPARE(p->state(), State::Enabled);
}

void tst_PluginInstance::startCallStop()
{
    auto p = instance(plugin("def activate(ctx):\n    ctx.log.info('activated')\n"
                             "def add(a, b):\n    return a + b\n"
                             "def deactivate():\n    ctx.log.info('deactivated')\n"));
    QSignalSpy states(p.get(), &PluginInstance::stateChanged);
    p->start();
    QVERIFY(settles(*p, State::Running));
    QCOMPARE(states.first().first().value<State>(), State::Loading);
    QSignalSpy hooks(p.get(), &PluginInstance::hookFinished);
    quint64 ticket = 0;
    auto sum = p->callHook("add", {objcap::Value(std::int64_t{2}), objcap::Value(std::int64_t{3})}, &ticket);
    QVERIFY(QTest::qWaitFor([&] { return hooks.size() == 1; }, 60000));
    QCOMPARE(hooks.first().at(0).toULongLong(), ticket);
    QVERIFY(hooks.first().at(1).toBool());
    QCOMPARE(sum.get().value().as<std::int64_t>(), std::int64_t{5});
    auto missing = p->callHook("nothere", {});
    QVERIFY(!missing.get());
    QCOMPARE(p->state(), State::Running);  // a hook's exception is that call's, not the plugin's
    p->stop();
    QVERIFY(settles(*p, State::Stopped));
    QCOMPARE(m_log, (QStringList{QStringLiteral("activated"), QStringLiteral("deactivated")}));
    QCOMPARE(p->callHook("add", {}).get().error().code, objcap::ErrorCode::Closed);
}

void tst_PluginInstance::failingActivateKeepsErrorAndTraceback()
{
    auto p = instance(plugin("def activate(ctx):\n    return 1 / 0\n"));
    p->start();
    QVERIFY(settles(*p, State::Failed));
    QVERIFY2(p->error().contains(QStringLiteral("division by zero")), qPrintable(p->error()));
    QVERIFY2(p->diagnostic().contains(QStringLiteral("org.example.life/main.py\", line 2, in activate")),
             qPrintable(p->diagnostic()));
    p->start();  // a failed plugin may be started again, and fails the same way
    QVERIFY(settles(*p, State::Failed));
}

void tst_PluginInstance::revokeTakesEffectOnTheRunningPlugin()
{
    auto p = instance(plugin("import objcap\ndef activate(ctx):\n    pass\n"
                             "def log(text):\n    try:\n        ctx.log.info(text)\n        return 'logged'\n"
                             "    except objcap.RevokedError:\n        return 'revoked'\n"));
    p->start();
    QVERIFY(settles(*p, State::Running));
    QCOMPARE(QString::fromStdString(p->callHook("log", {objcap::Value(std::string("one"))}).get()->as<std::string>()),
             QStringLiteral("logged"));
    QVERIFY(p->revoke("log"));
    QCOMPARE(QString::fromStdString(p->callHook("log", {objcap::Value(std::string("two"))}).get()->as<std::string>()),
             QStringLiteral("revoked"));
    QCOMPARE(m_log, QStringList{QStringLiteral("one")});
}

void tst_PluginInstance::raisingCallbackFailsThePlugin()
{
    PluginInstance::Options options;
    options.folder = plugin("def activate(ctx):\n    ctx.timers.call_later(0, tick)\n"
                            "def tick():\n    1 / 0\n");
    options.enabled = true;
    options.timeLimit = std::chrono::milliseconds(300);
    options.grants.push_back({"timers", objcap::makeTimersCapability()});
    PluginInstance p(*m_runtime, std::move(options));
    p.start();
    QVERIFY(settles(p, State::Failed));
    QVERIFY2(p.error().contains(QStringLiteral("ZeroDivisionError")), qPrintable(p.error()));
    QVERIFY2(p.diagnostic().contains(QStringLiteral("1 / 0")), qPrintable(p.diagnostic()));  // the source line
    QCOMPARE(p.callHook("tick", {}).get().error().code, objcap::ErrorCode::Closed);
}

void tst_PluginInstance::swallowedTimeLimitMarksUnresponsive()
{
    auto p = instance(plugin("def activate(ctx):\n    pass\n"
                             "def spin():\n    while True:\n        try:\n            while True:\n                pass\n"
                             "        except BaseException:\n            pass\n"));
    p->start();
    QVERIFY(settles(*p, State::Running));
    auto spun = p->callHook("spin", {});
    QVERIFY(settles(*p, State::Unresponsive));
    QCOMPARE(spun.get().error().code, objcap::ErrorCode::LimitExceeded);
    QVERIFY2(p->error().contains(QStringLiteral("time limit")), qPrintable(p->error()));
    QCOMPARE(p->callHook("spin", {}).get().error().code, objcap::ErrorCode::Closed);  // it was stopped
}

void tst_PluginInstance::reloadRunsTheNewCode()
{
    const QString folder = plugin("def activate(ctx):\n    ctx.log.info('v1')\n");
    auto p = instance(folder);
    p->start();
    QVERIFY(settles(*p, State::Running));
    plugin("def activate(ctx):\n    ctx.log.info('v2')\ndef version():\n    return 2\n");
    QSignalSpy states(p.get(), &PluginInstance::stateChanged);
    p->reload();
    QVERIFY(QTest::qWaitFor([&] { return states.size() >= 3 && p->state() == State::Running; }, 60000));
    QCOMPARE(p->callHook("version", {}).get()->as<std::int64_t>(), std::int64_t{2});
    QCOMPARE(m_log, (QStringList{QStringLiteral("v1"), QStringLiteral("v2")}));
}

// sum() over a range is a native loop that never checks for interrupts: the plugin is marked
// unresponsive while the call still runs, and the host thread stays free meanwhile.
void tst_PluginInstance::stuckNativeCallIsMarkedWhileItRuns()
{
    auto p = instance(plugin("def activate(ctx):\n    pass\n"
                             "def stuck():\n    return sum(range(3 * 10**8))\n"));
    p->start();
    QVERIFY(settles(*p, State::Running));
    auto stuck = p->callHook("stuck", {});
    QVERIFY(settles(*p, State::Unresponsive));
    QVERIFY2(stuck.wait_for(std::chrono::seconds(0)) != std::future_status::ready,
             "the native loop ended before it was marked; make it longer");
    QVERIFY2(p->error().contains(QStringLiteral("stuck in native code")), qPrintable(p->error()));
    QCOMPARE(stuck.get().error().code, objcap::ErrorCode::LimitExceeded);  // reported when it returns
    QVERIFY(QTest::qWaitFor([&] { return p->error().contains(QStringLiteral("time limit exceeded")); }, 60000));
    QCOMPARE(p->state(), State::Unresponsive);
    QCOMPARE(p->callHook("stuck", {}).get().error().code, objcap::ErrorCode::Closed);  // and it was ended
}

// any() over an endless iterator never returns and never checks for interrupts: destroying the
// instance abandons the sandbox instead of waiting, and the test process still exits (0).
void tst_PluginInstance::destroyingStuckInstanceReturns()
{
    auto p = instance(plugin("import itertools\ndef activate(ctx):\n    pass\n"
                             "def stuck():\n    return any(itertools.repeat(0))\n"));
    p->start();
    QVERIFY(settles(*p, State::Running));
    auto stuck = p->callHook("stuck", {});
    QVERIFY(settles(*p, State::Unresponsive));
    p.reset();
    QCOMPARE(m_runtime->abandonedCount(), 1);
    QCOMPARE(stuck.get().error().code, objcap::ErrorCode::Closed);
}

void tst_PluginInstance::stoppingStuckInstanceAbandonsIt()
{
    auto p = instance(plugin("import itertools\ndef activate(ctx):\n    ctx.log.info('activated')\n"
                             "def stuck():\n    return any(itertools.repeat(0))\n"));
    p->start();
    QVERIFY(settles(*p, State::Running));
    auto stuck = p->callHook("stuck", {});
    QVERIFY(settles(*p, State::Unresponsive));
    p->stop();  // returns after the grace, not when the call does
    QCOMPARE(p->state(), State::Stopped);
    QVERIFY2(p->error().contains(QStringLiteral("stuck in native code")), qPrintable(p->error()));
    QCOMPARE(m_runtime->abandonedCount(), 1);
    QCOMPARE(stuck.get().error().code, objcap::ErrorCode::Closed);
    // A stopped plugin starts again in a fresh sandbox.
    p->start();
    QVERIFY(settles(*p, State::Running));
    QCOMPARE(m_log, (QStringList{QStringLiteral("activated"), QStringLiteral("activated")}));
}

void tst_PluginInstance::stuckDeactivateDoesNotHoldStopUp()
{
    auto p = instance(plugin("import itertools\ndef activate(ctx):\n    pass\n"
                             "def deactivate():\n    any(itertools.repeat(0))\n"));
    p->start();
    QVERIFY(settles(*p, State::Running));
    p->stop();
    QVERIFY(settles(*p, State::Stopped));
    QVERIFY2(p->error().contains(QStringLiteral("stuck in native code")), qPrintable(p->error()));
    QCOMPARE(m_runtime->abandonedCount(), 1);
}

QTEST_GUILESS_MAIN(tst_PluginInstance)
#include "tst_plugininstance.moc"
