#include "mainwindow.h"

#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class tst_MainWindow : public QObject {
    Q_OBJECT

private slots:
    void showsRuntimeAndPlugins();
    void hostReportsVersionOffscreen();
};

void tst_MainWindow::showsRuntimeAndPlugins()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QVERIFY(QDir(root.path()).mkpath(QStringLiteral("hello")));
    QVERIFY(QDir(root.path()).mkpath(QStringLiteral("not-a-plugin")));
    QFile manifest(root.filePath(QStringLiteral("hello/plugin.toml")));
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.close();

    objcap::RuntimeInfo info;
    info.objcapVersion = "9.9.9";
    info.pythonVersion = "3.13.5";
    info.patchLevel = 2;
    objcap::host::MainWindow window(info, {root.path()});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.runtimeSummary().contains(QStringLiteral("objcap 9.9.9")));
    QVERIFY(window.runtimeSummary().contains(QStringLiteral("CPython 3.13.5, objcap patch level 2")));
    QCOMPARE(window.listedPlugins(), QStringList{QDir::toNativeSeparators(root.filePath(QStringLiteral("hello")))});
}

void tst_MainWindow::hostReportsVersionOffscreen()
{
    QProcess host;
    host.start(QStringLiteral(OBJCAP_BIN_DIR "/objcap-host"), {QStringLiteral("--version")});
    QVERIFY(host.waitForFinished(60000));
    QCOMPARE(host.exitStatus(), QProcess::NormalExit);
    QCOMPARE(host.exitCode(), 0);
    const QString out = QString::fromUtf8(host.readAllStandardOutput());
    QVERIFY2(out.startsWith(QStringLiteral("objcap-host ")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("CPython 3.13.5")), qPrintable(out));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
