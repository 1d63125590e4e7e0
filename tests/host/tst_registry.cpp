// The plugin registry through the CLI, in a throwaway data location (XDG_DATA_HOME).
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class tst_Registry : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void installGrantEnableUpdateUninstall();
    void badPackageChangesNothing();
    void runInstalledPluginWithItsGrants();
    void revokeReachesRunningPlugin();

private:
    struct Outcome {
        int exitCode;
        QString out, err;
    };
    Outcome objcap(const QStringList &args);
    QString plugin(const QString &name, const QByteArray &capabilities, const QByteArray &version);
    QByteArray registryBytes() const;
    QTemporaryDir m_dir;
};

void tst_Registry::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

tst_Registry::Outcome tst_Registry::objcap(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(OBJCAP_BIN_DIR "/objcap"), args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString tst_Registry::plugin(const QString &name, const QByteArray &capabilities, const QByteArray &version)
{
    const QString folder = m_dir.filePath(name);
    QDir().mkpath(folder);
    QFile manifest(folder + QStringLiteral("/plugin.toml"));
    manifest.open(QIODevice::WriteOnly | QIODevice::Truncate);
    manifest.write("[plugin]\nid = \"org.example.reg\"\nname = \"Reg\"\nversion = \"" + version +
                   "\"\nentry = \"main.py\"\n" + capabilities);
    manifest.close();
    QFile main(folder + QStringLiteral("/main.py"));
    main.open(QIODevice::WriteOnly | QIODevice::Truncate);
    main.write("def activate(ctx):\n    pass\n");
    return folder;
}

QByteArray tst_Registry::registryBytes() const
{
    QFile file(m_dir.filePath(QStringLiteral("data/objcap/registry.json")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void tst_Registry::installGrantEnableUpdateUninstall()
{
    const QString v1 = plugin(QStringLiteral("v1"), "[capabilities.log]\nreason = \"Logs\"\n", "1.0.0");
    Outcome o = objcap({QStringLiteral("install"), v1});
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QVERIFY(o.out.contains(QStringLiteral("installed org.example.reg 1.0.0 (disabled")));
    QCOMPARE(objcap({QStringLiteral("grant"), QStringLiteral("org.example.reg"), QStringLiteral("log")}).exitCode, 0);
    const Outcome notAsked = objcap({QStringLiteral("grant"), QStringLiteral("org.example.reg"), QStringLiteral("timers")});
    QCOMPARE(notAsked.exitCode, 1);
    QVERIFY(notAsked.err.contains(QStringLiteral("does not ask for the 'timers' capability")));
    QCOMPARE(objcap({QStringLiteral("enable"), QStringLiteral("org.example.reg")}).exitCode, 0);
    QVERIFY(objcap({QStringLiteral("list")}).out.contains(QStringLiteral("org.example.reg 1.0.0 [enabled] grants: log")));

    // The plugin's data survives an update; the update asks for more, which waits for approval.
    const QString data = m_dir.filePath(QStringLiteral("data/objcap/data/org.example.reg/kept.txt"));
    QFile keep(data);
    QVERIFY(keep.open(QIODevice::WriteOnly));
    keep.close();
    const QString v2 = plugin(QStringLiteral("v2"), "[capabilities.log]\nreason = \"Logs\"\n[capabilities.timers]\nreason = \"Ticks\"\n", "1.1.0");
    o = objcap({QStringLiteral("install"), v2});
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QVERIFY2(o.out.contains(QStringLiteral("the update asks for more: timers (not granted)")), qPrintable(o.out));
    QVERIFY(objcap({QStringLiteral("list")}).out.contains(QStringLiteral("org.example.reg 1.1.0 [disabled] grants: log")));
    QCOMPARE(objcap({QStringLiteral("enable"), QStringLiteral("org.example.reg")}).exitCode, 1);  // approval first
    QVERIFY(QFile::exists(data));

    QCOMPARE(objcap({QStringLiteral("uninstall"), QStringLiteral("org.example.reg")}).exitCode, 0);
    QVERIFY(QFile::exists(data));  // kept unless asked
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("data/objcap/plugins/org.example.reg"))));
    QVERIFY(objcap({QStringLiteral("list")}).out.isEmpty());
}

void tst_Registry::badPackageChangesNothing()
{
    const QString good = plugin(QStringLiteral("good"), "", "2.0.0");
    QCOMPARE(objcap({QStringLiteral("install"), good}).exitCode, 0);
    const QByteArray before = registryBytes();
    const QStringList installedBefore = QDir(m_dir.filePath(QStringLiteral("data/objcap/plugins"))).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    const QString bad = plugin(QStringLiteral("bad"), "[capabilities.shell]\nreason = \"x\"\n", "2.1.0");
    const Outcome o = objcap({QStringLiteral("install"), bad});
    QCOMPARE(o.exitCode, 1);
    QVERIFY2(o.err.contains(QStringLiteral("unknown capability 'shell'")), qPrintable(o.err));
    QCOMPARE(registryBytes(), before);
    QCOMPARE(QDir(m_dir.filePath(QStringLiteral("data/objcap/plugins"))).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             installedBefore);
}

// `objcap run ID`: an installed plugin runs only once enabled, with the registry's grants — its
// own storage in its data folder, the granted folder, the quota its manifest asks for.
void tst_Registry::runInstalledPluginWithItsGrants()
{
    const QString folder = m_dir.filePath(QStringLiteral("runner"));
    QDir().mkpath(folder);
    QFile manifest(folder + QStringLiteral("/plugin.toml"));
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write("[plugin]\nid = \"org.example.runner\"\nname = \"Runner\"\nversion = \"1.0.0\"\nentry = \"main.py\"\n"
                   "[capabilities.files]\nreason = \"Writes\"\naccess = \"read-write\"\nquota = \"1 KiB\"\n"
                   "[capabilities.storage]\nreason = \"Counts\"\n");
    manifest.close();
    QFile main(folder + QStringLiteral("/main.py"));
    QVERIFY(main.open(QIODevice::WriteOnly));
    main.write("import objcap\n"
               "def activate(ctx):\n"
               "    runs = ctx.storage.get('runs', 0) + 1\n"
               "    ctx.storage.set('runs', runs)\n"
               "    ctx.files.write_text('runs.txt', str(runs))\n"
               "    try:\n"
               "        ctx.files.write_text('big.txt', 'x' * 2000)\n"
               "    except objcap.CapabilityError as e:\n"
               "        print('refused:', e)\n");
    main.close();
    const QString out = m_dir.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(out));
    const QString id = QStringLiteral("org.example.runner");
    QCOMPARE(objcap({QStringLiteral("install"), folder}).exitCode, 0);

    const Outcome disabled = objcap({QStringLiteral("run"), id});
    QCOMPARE(disabled.exitCode, 1);
    QVERIFY2(disabled.err.contains(QStringLiteral("org.example.runner is disabled")), qPrintable(disabled.err));
    QVERIFY(QDir(out).isEmpty());  // nothing ran

    QCOMPARE(objcap({QStringLiteral("grant"), id, QStringLiteral("files=") + out}).exitCode, 0);
    QCOMPARE(objcap({QStringLiteral("grant"), id, QStringLiteral("storage")}).exitCode, 0);
    QCOMPARE(objcap({QStringLiteral("enable"), id}).exitCode, 0);
    for (const char *expected : {"1", "2"}) {
        const Outcome o = objcap({QStringLiteral("run"), id});
        QVERIFY2(o.exitCode == 0, qPrintable(o.err));
        QVERIFY2(o.out.contains(QStringLiteral("refused: quota exceeded writing 'big.txt'")), qPrintable(o.out));
        QFile runs(out + QStringLiteral("/runs.txt"));
        QVERIFY(runs.open(QIODevice::ReadOnly));
        QCOMPARE(runs.readAll(), QByteArray(expected));  // the storage persisted between runs
        QVERIFY(!QFile::exists(out + QStringLiteral("/big.txt")));
    }
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("data/objcap/data/org.example.runner/storage.sqlite"))));

    const Outcome unknown = objcap({QStringLiteral("run"), QStringLiteral("org.example.nothere")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains(QStringLiteral("no such folder, package or installed plugin")), qPrintable(unknown.err));
}

// `objcap revoke` in one process reaches `objcap run ID` in another while it runs: the plugin's
// next file read raises RevokedError, and it keeps running; `objcap disable` then stops it
// (deactivate(), exit 0).
void tst_Registry::revokeReachesRunningPlugin()
{
    const QString folder = m_dir.filePath(QStringLiteral("reader"));
    QDir().mkpath(folder);
    QFile manifest(folder + QStringLiteral("/plugin.toml"));
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write("[plugin]\nid = \"org.example.reader\"\nname = \"Reader\"\nversion = \"1.0.0\"\nentry = \"main.py\"\n"
                   "[capabilities.files]\nreason = \"Reads\"\n[capabilities.log]\nreason = \"Logs\"\n"
                   "[capabilities.timers]\nreason = \"Polls\"\n");
    manifest.close();
    QFile main(folder + QStringLiteral("/main.py"));
    QVERIFY(main.open(QIODevice::WriteOnly));
    main.write("import objcap\n"
               "def activate(ctx):\n"
               "    ctx.timers.every(0.05, tick)\n"
               "def tick():\n"
               "    try:\n"
               "        ctx.files.read_text('probe.txt')\n"
               "        ctx.log.info('OK')\n"
               "    except objcap.RevokedError:\n"
               "        ctx.log.info('REVOKED')\n"
               "def deactivate():\n"
               "    ctx.log.info('deactivated')\n");
    main.close();
    const QString shared = m_dir.filePath(QStringLiteral("shared"));
    QVERIFY(QDir().mkpath(shared));
    QFile probe(shared + QStringLiteral("/probe.txt"));
    QVERIFY(probe.open(QIODevice::WriteOnly));
    probe.close();
    const QString id = QStringLiteral("org.example.reader");
    QCOMPARE(objcap({QStringLiteral("install"), folder}).exitCode, 0);
    QCOMPARE(objcap({QStringLiteral("grant"), id, QStringLiteral("files=") + shared}).exitCode, 0);
    QCOMPARE(objcap({QStringLiteral("grant"), id, QStringLiteral("log")}).exitCode, 0);
    QCOMPARE(objcap({QStringLiteral("grant"), id, QStringLiteral("timers")}).exitCode, 0);
    QCOMPARE(objcap({QStringLiteral("enable"), id}).exitCode, 0);

    QProcess running;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    running.setProcessEnvironment(env);
    running.start(QStringLiteral(OBJCAP_BIN_DIR "/objcap"), {QStringLiteral("run"), id, QStringLiteral("--for"), QStringLiteral("60")});
    QString err;
    auto logged = [&](const QString &text) {
        return QTest::qWaitFor([&] {
            err += QString::fromUtf8(running.readAllStandardError());
            return err.contains(text) || running.state() == QProcess::NotRunning;
        }, 60000) && err.contains(text);
    };
    QVERIFY2(logged(QStringLiteral("[INFO] OK\n")), qPrintable(err));

    const Outcome revoked = objcap({QStringLiteral("revoke"), id, QStringLiteral("files")});
    QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.err));
    QVERIFY2(logged(QStringLiteral("[INFO] REVOKED\n")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("objcap run: org.example.reader: files revoked")), qPrintable(err));
    QVERIFY2(err.lastIndexOf(QStringLiteral("[INFO] OK")) < err.indexOf(QStringLiteral("[INFO] REVOKED")), qPrintable(err));
    QCOMPARE(running.state(), QProcess::Running);  // a revoked grant does not stop the plugin

    QCOMPARE(objcap({QStringLiteral("disable"), id}).exitCode, 0);
    QVERIFY2(logged(QStringLiteral("[INFO] deactivated\n")), qPrintable(err));
    if (!running.waitForFinished(60000))
        running.kill();
    err += QString::fromUtf8(running.readAllStandardError());
    QCOMPARE(running.exitStatus(), QProcess::NormalExit);
    QVERIFY2(running.exitCode() == 0, qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("org.example.reader was disabled; stopping it")), qPrintable(err));
    QVERIFY2(err.lastIndexOf(QStringLiteral("[INFO] OK")) < err.indexOf(QStringLiteral("[INFO] REVOKED")), qPrintable(err));
}

QTEST_GUILESS_MAIN(tst_Registry)
#include "tst_registry.moc"
