#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The scripts that fetch and build the pinned CPython, fed bad input: each refusal names the
// problem and leaves nothing behind.
class tst_SetupScripts : public QObject {
    Q_OBJECT

private slots:
    void rejectsTarballWithWrongHash();
    void stopsOnPatchThatDoesNotApply();

private:
    struct Outcome {
        int exitCode;
        QString err;
    };
    static Outcome run(const QString &script, const QStringList &args, const QProcessEnvironment &env);
    static QByteArray pinnedHash();
};

tst_SetupScripts::Outcome tst_SetupScripts::run(const QString &script, const QStringList &args,
                                                const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(script, args);
    if (!process.waitForFinished(280000))
        return {-1, QStringLiteral("timed out")};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardError())};
}

QByteArray tst_SetupScripts::pinnedHash()
{
    QFile env(QStringLiteral(OBJCAP_SOURCE_DIR "/sandbox/cpython/cpython.env"));
    if (!env.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : env.readAll().split('\n')) {
        if (line.startsWith("CPYTHON_SHA256="))
            return line.mid(15).trimmed();
    }
    return {};
}

void tst_SetupScripts::rejectsTarballWithWrongHash()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile corrupt(dir.filePath(QStringLiteral("Python-3.13.5.tar.xz")));
    QVERIFY(corrupt.open(QIODevice::WriteOnly));
    corrupt.write("definitely not the CPython source");
    corrupt.close();
    const QString dest = dir.filePath(QStringLiteral("cache/Python-3.13.5.tar.xz"));

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OBJCAP_CPYTHON_TARBALL"), corrupt.fileName());
    env.insert(QStringLiteral("OBJCAP_OFFLINE"), QStringLiteral("1"));  // no network routes
    const Outcome o = run(QStringLiteral(OBJCAP_SOURCE_DIR "/packaging/setup/fetch-cpython.sh"), {dest}, env);
    QVERIFY(o.exitCode != 0);
    QVERIFY2(o.err.contains(QString::fromLatin1(pinnedHash())), qPrintable(o.err));
    QVERIFY2(o.err.contains(corrupt.fileName()), qPrintable(o.err));   // where it looked
    QVERIFY2(o.err.contains(QStringLiteral("Looked in")), qPrintable(o.err));
    QVERIFY(!QFile::exists(dest));  // nothing cached
}

void tst_SetupScripts::stopsOnPatchThatDoesNotApply()
{
    const QString tarball = QStringLiteral(OBJCAP_CPYTHON_CACHE_DIR "/downloads/Python-3.13.5.tar.xz");
    if (!QFile::exists(tarball))
        QSKIP("no cached CPython tarball (the build was given OBJCAP_CPYTHON_PREFIX)");

    // A copy of the scripts and the pin, with one patch that cannot apply.
    QTemporaryDir tree;
    QVERIFY(tree.isValid());
    QDir root(tree.path());
    QVERIFY(root.mkpath(QStringLiteral("packaging/setup")) && root.mkpath(QStringLiteral("sandbox/cpython/patches")));
    for (const QString &f : {QStringLiteral("packaging/setup/fetch-cpython.sh"),
                             QStringLiteral("packaging/setup/build-cpython.sh"),
                             QStringLiteral("sandbox/cpython/cpython.env")})
        QVERIFY(QFile::copy(QStringLiteral(OBJCAP_SOURCE_DIR "/") + f, root.filePath(f)));
    QFile patch(root.filePath(QStringLiteral("sandbox/cpython/patches/0001-broken.patch")));
    QVERIFY(patch.open(QIODevice::WriteOnly));
    patch.write("objcap patch 0001: does not apply\n\n"
                "--- a/Modules/signalmodule.c\n+++ b/Modules/signalmodule.c\n"
                "@@ -1,3 +1,3 @@\n-this line is not in the file\n+neither is this one\n context\n");
    patch.close();

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OBJCAP_CACHE_DIR"), root.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("OBJCAP_CPYTHON_TARBALL"), tarball);
    env.insert(QStringLiteral("OBJCAP_OFFLINE"), QStringLiteral("1"));
    const Outcome o = run(root.filePath(QStringLiteral("packaging/setup/build-cpython.sh")), {}, env);
    QVERIFY(o.exitCode != 0);
    QVERIFY2(o.err.contains(QStringLiteral("patch 0001-broken.patch does not apply")), qPrintable(o.err));
    // No runtime was installed into the cache.
    QCOMPARE(QDir(root.filePath(QStringLiteral("cache"))).entryList({QStringLiteral("cpython-*")}, QDir::Dirs),
             QStringList());
}

QTEST_GUILESS_MAIN(tst_SetupScripts)
#include "tst_setupscripts.moc"
