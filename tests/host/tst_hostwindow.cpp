// objcap-host's window over a PluginHost: installing through the permission review grants
// exactly what the user ticked (and nothing if they cancel), an update asking for more grants
// nothing new, revoking from the manager reaches the running plugin, and closing the window
// with a plugin stuck in native code returns with settings and grants saved. Offscreen; each
// function in a process of its own.
#include "../sandbox/sandboxtesting.h"

#include <mainwindow.h>
#include <permissionreviewdialog.h>
#include <pluginhost.h>
#include <pluginmanager.h>

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <uihost.h>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using objcap::host::MainWindow;
using objcap::host::PermissionReviewDialog;
using objcap::host::PluginHost;
using State = objcap::host::PluginInstance::State;

class tst_HostWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void windowHasTheEditorDocksAndRuntime();
    void reviewGrantsExactlyTheTickedSubset();
    void cancelledReviewInstallsNothing();
    void updateAskingForMoreGrantsNothingNew();
    void revokeFromTheManagerReachesTheRunningPlugin();
    void optionalCapabilityIsAskedForAfterAUserAction();
    void closingWithAPluginStuckInNativeCodeReturns();

private:
    QString plugin(const QString &name, const QByteArray &version, const QByteArray &capabilities, const QByteArray &main);
    std::unique_ptr<PluginHost> openHost();
    void recordLog(PluginHost &host, QStringList &into);  // what its plugins log

    std::unique_ptr<objcap::Runtime> m_runtime;
    QTemporaryDir m_dir;
};

void tst_HostWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // Settings of this process only: the functions run as parallel processes.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    m_runtime = testing::startRuntime();
    QVERIFY(m_runtime);
}

QString tst_HostWindow::plugin(const QString &name, const QByteArray &version, const QByteArray &capabilities,
                               const QByteArray &main)
{
    const QString folder = m_dir.filePath(name);
    QDir(folder).removeRecursively();
    QDir().mkpath(folder);
    QFile manifest(folder + QStringLiteral("/plugin.toml"));
    if (!manifest.open(QIODevice::WriteOnly))
        qFatal("cannot write the manifest");
    manifest.write("[plugin]\nid = \"org.example.review\"\nname = \"Review\"\nversion = \"" + version +
                   "\"\nentry = \"main.py\"\n" + capabilities);
    QFile entry(folder + QStringLiteral("/main.py"));
    if (!entry.open(QIODevice::WriteOnly))
        qFatal("cannot write main.py");
    entry.write(main);
    return folder;
}

std::unique_ptr<PluginHost> tst_HostWindow::openHost()
{
    PluginHost::Options options;
    options.dataRoot = m_dir.filePath(QStringLiteral("data"));
    options.timeLimit = std::chrono::milliseconds(500);
    auto host = PluginHost::open(*m_runtime, options);
    if (!host)
        qFatal("%s", host.error().message.c_str());
    return std::move(host).value();
}

void tst_HostWindow::recordLog(PluginHost &host, QStringList &into)
{
    connect(&host, &PluginHost::logged, this, [&into](const QString &, int, const QString &message) { into << message; });
}

void tst_HostWindow::windowHasTheEditorDocksAndRuntime()
{
    auto host = openHost();
    MainWindow window(m_runtime->info(), *host);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.runtimeSummary().contains(QStringLiteral("CPython 3.13.5, objcap patch level")));
    QVERIFY(window.editor());
    QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("pluginManagerDock")));
    QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("activityLogDock")));
    QVERIFY(window.findChild<QMenu *>(QStringLiteral("pluginsMenu")));
    QVERIFY(window.windowTitle().contains(QStringLiteral("objcap")));
    window.findChild<QDockWidget *>(QStringLiteral("activityLogDock"))->hide();
    QVERIFY(window.close());
    MainWindow again(m_runtime->info(), *host);  // the layout is remembered
    again.show();
    QVERIFY(!again.findChild<QDockWidget *>(QStringLiteral("activityLogDock"))->isVisible());
}

void tst_HostWindow::reviewGrantsExactlyTheTickedSubset()
{
    const QString shared = m_dir.filePath(QStringLiteral("shared"));
    QVERIFY(QDir().mkpath(shared));
    const QString folder = plugin(QStringLiteral("v1"), "1.0.0",
                                  "[capabilities.files]\nreason = \"Exports\"\naccess = \"read-write\"\n"
                                  "[capabilities.storage]\nreason = \"Settings\"\n"
                                  "[capabilities.log]\nreason = \"Logs\"\n"
                                  "[capabilities.net]\nreason = \"Fetches\"\norigins = [\"https://api.example.com\"]\n",
                                  "def activate(ctx):\n"
                                  "    ctx.log.info('granted: ' + ','.join(n for n in ('files', 'storage', 'log', 'net') if hasattr(ctx, n)))\n"
                                  "    ctx.files.read_only or ctx.log.info('writable')\n");
    auto host = openHost();
    MainWindow window(m_runtime->info(), *host);
    QStringList logged;
    recordLog(*host, logged);
    window.pluginManager()->setReviewRunner([&](PermissionReviewDialog &review) {
        review.setFolder(QStringLiteral("files"), shared);
        review.setReadOnly(QStringLiteral("files"), true);
        review.setAllowed(QStringLiteral("net"), false);
        return true;
    });
    QCOMPARE(window.pluginManager()->installFrom(folder), QString());

    QVERIFY(host->registry().find(QStringLiteral("org.example.review")));
    const objcap::host::PluginRegistry::Plugin entry = *host->registry().find(QStringLiteral("org.example.review"));
    QCOMPARE(entry.grants.keys(), (QStringList{QStringLiteral("files"), QStringLiteral("log"), QStringLiteral("storage")}));
    QCOMPARE(entry.grants.value(QStringLiteral("files")), QFileInfo(shared).absoluteFilePath() + QStringLiteral(":ro"));
    QVERIFY(entry.enabled);
    QTRY_COMPARE(host->instance(QStringLiteral("org.example.review"))->state(), State::Running);
    QTRY_VERIFY(logged.contains(QStringLiteral("granted: files,storage,log")));
    QVERIFY(!logged.contains(QStringLiteral("writable")));
    // Saved for the CLI and the next start.
    auto reread = objcap::host::PluginRegistry::open(m_dir.filePath(QStringLiteral("data")));
    QVERIFY(reread);
    QCOMPARE(reread->find(QStringLiteral("org.example.review"))->grants, entry.grants);
}

void tst_HostWindow::cancelledReviewInstallsNothing()
{
    const QString folder = plugin(QStringLiteral("v1"), "1.0.0", "[capabilities.log]\nreason = \"<b>Safe</b> logs\"\n",
                                  "def activate(ctx):\n    pass\n");
    auto host = openHost();
    MainWindow window(m_runtime->info(), *host);
    bool reasonShownPlain = false;
    window.pluginManager()->setReviewRunner([&](PermissionReviewDialog &review) {
        for (const QLabel *label : review.findChildren<QLabel *>())
            reasonShownPlain |= label->text().contains(QStringLiteral("<b>Safe</b> logs")) && label->textFormat() == Qt::PlainText;
        return false;
    });
    QCOMPARE(window.pluginManager()->installFrom(folder), QString());
    QVERIFY(reasonShownPlain);  // a plugin's words are never markup in the review
    QVERIFY(host->registry().plugins().empty());
    QVERIFY(!QFileInfo::exists(host->registry().codeFolder(QStringLiteral("org.example.review"))));
    QVERIFY(window.pluginManager()->installFrom(m_dir.filePath(QStringLiteral("missing.objcap"))).contains(QStringLiteral("missing.objcap")));
}

void tst_HostWindow::updateAskingForMoreGrantsNothingNew()
{
    auto host = openHost();
    MainWindow window(m_runtime->info(), *host);
    window.pluginManager()->setReviewRunner([](PermissionReviewDialog &) { return true; });
    QCOMPARE(window.pluginManager()->installFrom(plugin(QStringLiteral("v1"), "1.0.0", "[capabilities.log]\nreason = \"Logs\"\n",
                                                        "def activate(ctx):\n    pass\n")),
             QString());
    QStringList offeredNew;
    window.pluginManager()->setReviewRunner([&](PermissionReviewDialog &review) {
        offeredNew = review.newCapabilities();
        return true;  // accepted as shown: the new capability is not ticked
    });
    const QString v2 = plugin(QStringLiteral("v2"), "2.0.0",
                              "[capabilities.log]\nreason = \"Logs\"\n[capabilities.storage]\nreason = \"Keeps notes\"\n",
                              "def activate(ctx):\n    pass\n");
    QCOMPARE(window.pluginManager()->installFrom(v2), QString());
    QCOMPARE(offeredNew, QStringList{QStringLiteral("storage")});
    const auto *entry = host->registry().find(QStringLiteral("org.example.review"));
    QCOMPARE(entry->version, QStringLiteral("2.0.0"));
    QCOMPARE(entry->grants.keys(), QStringList{QStringLiteral("log")});
}

void tst_HostWindow::revokeFromTheManagerReachesTheRunningPlugin()
{
    const QString shared = m_dir.filePath(QStringLiteral("shared"));
    QVERIFY(QDir().mkpath(shared));
    QFile file(shared + QStringLiteral("/data.txt"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("x");
    file.close();
    const QString folder = plugin(QStringLiteral("v1"), "1.0.0",
                                  "[capabilities.files]\nreason = \"Reads\"\n[capabilities.log]\nreason = \"Logs\"\n"
                                  "[capabilities.timers]\nreason = \"Polls\"\n",
                                  "import objcap\n"
                                  "def poll():\n"
                                  "    try:\n"
                                  "        ctx.files.read_text('data.txt')\n"
                                  "        ctx.log.info('read')\n"
                                  "    except objcap.RevokedError:\n"
                                  "        ctx.log.info('revoked')\n"
                                  "        return\n"
                                  "    ctx.timers.call_later(0.02, poll)\n"
                                  "def activate(ctx):\n"
                                  "    poll()\n");
    auto host = openHost();
    MainWindow window(m_runtime->info(), *host);
    QStringList logged;
    recordLog(*host, logged);
    window.pluginManager()->setReviewRunner([&](PermissionReviewDialog &review) {
        review.setFolder(QStringLiteral("files"), shared);
        return true;
    });
    QCOMPARE(window.pluginManager()->installFrom(folder), QString());
    QTRY_VERIFY(logged.contains(QStringLiteral("read")));

    window.pluginManager()->select(QStringLiteral("org.example.review"));
    QTRY_VERIFY(window.pluginManager()->findChild<QPushButton *>(QStringLiteral("revoke-files")));
    auto *revoke = window.pluginManager()->findChild<QPushButton *>(QStringLiteral("revoke-files"));
    QVERIFY(revoke->isEnabled());
    QTest::mouseClick(revoke, Qt::LeftButton);
    QTRY_VERIFY(logged.contains(QStringLiteral("revoked")));
    QVERIFY(!host->registry().find(QStringLiteral("org.example.review"))->grants.contains(QStringLiteral("files")));
    QCOMPARE(host->instance(QStringLiteral("org.example.review"))->state(), State::Running);  // host and plugin alive
    const qsizetype reads = logged.count(QStringLiteral("read"));
    QTest::qWait(100);
    QCOMPARE(logged.count(QStringLiteral("read")), reads);  // nothing read after the revocation
}

void tst_HostWindow::optionalCapabilityIsAskedForAfterAUserAction()
{
    const QString folder = plugin(QStringLiteral("v1"), "1.0.0",
                                  "[capabilities.ui]\nreason = \"A command\"\n"
                                  "[capabilities.log]\nreason = \"Logs\"\n"
                                  "[capabilities.net]\nreason = \"Fetches\"\norigins = [\"https://api.example.com\"]\n"
                                  "optional = true\n",
                                  "import objcap\n"
                                  "def answered(ok):\n"
                                  "    ctx.log.info('net ' + ('granted' if ok and hasattr(ctx, 'net') else 'denied'))\n"
                                  "def fetch():\n"
                                  "    ctx.permissions.request('net', answered)\n"
                                  "def activate(ctx):\n"
                                  "    try:\n"
                                  "        ctx.permissions.request('net', answered)\n"
                                  "    except objcap.CapabilityError as e:\n"
                                  "        ctx.log.info('refused: ' + str(e))\n"
                                  "    ctx.ui.add_command('Fetch', fetch)\n");
    auto host = openHost();
    MainWindow window(m_runtime->info(), *host);
    window.show();
    QStringList logged;
    recordLog(*host, logged);
    window.pluginManager()->setReviewRunner([](PermissionReviewDialog &review) {
        return review.grants().keys() == QStringList({QStringLiteral("log"), QStringLiteral("ui")});  // net: unticked
    });
    QCOMPARE(window.pluginManager()->installFrom(folder), QString());
    // Asking without a user action is refused at once; nothing is asked of the user.
    QTRY_VERIFY2(std::any_of(logged.begin(), logged.end(), [](const QString &m) {
        return m.startsWith(QStringLiteral("refused: ")) && m.contains(QStringLiteral("user action"));
    }), qPrintable(logged.join(u'|') + u'|' + host->instance(QStringLiteral("org.example.review"))->error()));
    QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("consentPrompt")));

    // After the user runs its command, the user is asked: Deny, then Allow once.
    for (const char *button : {"deny", "allowOnce"}) {
        QTRY_COMPARE(window.uiHost()->commandActions().size(), 1);
        window.uiHost()->commandActions().first()->trigger();
        QTRY_VERIFY(window.findChild<QMessageBox *>(QStringLiteral("consentPrompt")));
        auto *prompt = window.findChild<QMessageBox *>(QStringLiteral("consentPrompt"));
        QVERIFY(prompt->text().contains(QStringLiteral("Fetches")));
        QTest::mouseClick(prompt->findChild<QPushButton *>(QLatin1String(button)), Qt::LeftButton);
        QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("consentPrompt")));
    }
    QTRY_COMPARE(logged.filter(QStringLiteral("net ")), (QStringList{QStringLiteral("net denied"), QStringLiteral("net granted")}));
    // Allow once is not saved as a grant.
    QVERIFY(!host->registry().find(QStringLiteral("org.example.review"))->grants.contains(QStringLiteral("net")));
}

void tst_HostWindow::closingWithAPluginStuckInNativeCodeReturns()
{
    const QString folder = plugin(QStringLiteral("v1"), "1.0.0",
                                  "[capabilities.timers]\nreason = \"Works later\"\n",
                                  "import itertools\n"
                                  "def spin():\n"
                                  "    any(itertools.repeat(0))  # native: never checks for interrupts\n"
                                  "def activate(ctx):\n"
                                  "    ctx.timers.call_later(0, spin)\n");
    auto host = openHost();
    {
        MainWindow window(m_runtime->info(), *host);
        window.pluginManager()->setReviewRunner([](PermissionReviewDialog &) { return true; });
        QCOMPARE(window.pluginManager()->installFrom(folder), QString());
        window.show();
        QTRY_COMPARE(host->instance(QStringLiteral("org.example.review"))->state(), State::Running);
        QTest::qWait(200);  // the timer's callback is now spinning
        QVERIFY(window.close());
    }
    host.reset();  // returns: the stuck sandbox is abandoned after its grace
    QVERIFY(QSettings().contains(QStringLiteral("window/geometry")));
    auto reread = objcap::host::PluginRegistry::open(m_dir.filePath(QStringLiteral("data")));
    QVERIFY(reread);
    QCOMPARE(reread->find(QStringLiteral("org.example.review"))->grants.keys(), QStringList{QStringLiteral("timers")});
}

QTEST_MAIN(tst_HostWindow)
#include "tst_hostwindow.moc"
