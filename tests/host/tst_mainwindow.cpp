#include <QProcess>
#include <QTest>

class tst_MainWindow : public QObject {
    Q_OBJECT

private slots:
    void hostReportsVersionOffscreen();
};

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
