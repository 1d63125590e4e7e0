#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// The packages as an end user gets them: cpack builds the .deb and the .tar.gz into a temporary
// folder, the .deb is unpacked with dpkg -x and the unpacked root renamed (so nothing may know
// where it was unpacked), and the binaries run from there with an empty environment and HOME.
// Where the kernel allows a private mount namespace, every run also has the source tree, the
// build tree and the cached CPython covered by empty tmpfs mounts: out of reach, without
// disturbing the tests that run beside this one.
class tst_Packaging : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void buildTreeIsOutOfReach();
    void debContentsAndDependencies();
    void binariesReferenceOnlyTheirOwnTree();
    void cliVersion();
    void cliExec();
    void examplePluginTests();
    void hostVersionOffscreen();
    void tarballRuns();
    void desktopIntegrationValidates();
    void mimeTypeRegisters();

private:
    struct Outcome {
        int exitCode;
        QString out;
        QString err;
    };
    Outcome run(const QString &program, const QStringList &args, const QProcessEnvironment &env = {},
                int timeoutMs = 120000) const;
    // Runs an installed binary: clean environment, and the build tree hidden when possible.
    Outcome runInstalled(const QString &program, const QStringList &args,
                         const QProcessEnvironment &extra = {}) const;
    QProcessEnvironment cleanEnvironment() const;
    QString writeScript() const;
    static QStringList allowedModules();
    static QStringList loadedObjects(const QString &ldDebugOutput);

    QTemporaryDir m_dir;
    QString m_deb;
    QString m_root;      // the unpacked .deb, renamed after unpacking
    QString m_tarRoot;   // the unpacked tarball's top folder
    QStringList m_hidden;
    bool m_canHide = false;
};

namespace {

const QString buildDir = QDir(QStringLiteral(OBJCAP_BIN_DIR "/..")).canonicalPath();
const QString cpythonPrefix = QStringLiteral(OBJCAP_CPYTHON_PREFIX);

QString firstMatch(const QString &dir, const QString &pattern)
{
    const QStringList found = QDir(dir).entryList({pattern}, QDir::Files);
    return found.size() == 1 ? QDir(dir).filePath(found.first()) : QString();
}

} // namespace

tst_Packaging::Outcome tst_Packaging::run(const QString &program, const QStringList &args,
                                          const QProcessEnvironment &env, int timeoutMs) const
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    if (!env.isEmpty())
        process.setProcessEnvironment(env);
    process.start(program, args);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, QStringLiteral("%1: timed out or did not start").arg(program)};
    }
    if (process.exitStatus() != QProcess::NormalExit)
        return {-2, {}, QStringLiteral("%1: crashed").arg(program)};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QProcessEnvironment tst_Packaging::cleanEnvironment() const
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

tst_Packaging::Outcome tst_Packaging::runInstalled(const QString &program, const QStringList &args,
                                                   const QProcessEnvironment &extra) const
{
    QProcessEnvironment env = cleanEnvironment();
    env.insert(extra);
    if (!m_canHide)
        return run(program, args, env);
    // sh -c 'mount tmpfs over each of $1..$n; exec the rest' sh N dirs... program args...
    QStringList wrapped{QStringLiteral("--mount"), QStringLiteral("--propagation"), QStringLiteral("private"),
                        QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                        QStringLiteral("n=$1; shift; while [ \"$n\" -gt 0 ]; do mount -t tmpfs objcap-hidden \"$1\" "
                                       "|| exit 125; shift; n=$((n-1)); done; exec \"$@\""),
                        QStringLiteral("sh"), QString::number(m_hidden.size())};
    wrapped << m_hidden << program << args;
    return run(QStringLiteral("/usr/bin/unshare"), wrapped, env);
}

QStringList tst_Packaging::allowedModules()
{
    QFile policy(QStringLiteral(OBJCAP_SOURCE_DIR "/resources/sandbox-policy.toml"));
    if (!policy.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(policy.readAll());
    const QRegularExpressionMatch allow =
        QRegularExpression(QStringLiteral("\\nallow = \\[([^\\]]*)\\]")).match(text);
    QStringList modules;
    auto names = QRegularExpression(QStringLiteral("\"([A-Za-z0-9_.]+)\"")).globalMatch(allow.captured(1));
    while (names.hasNext())
        modules << names.next().captured(1);
    return modules;
}

QString tst_Packaging::writeScript() const
{
    // Every allowlisted module must import from the curated stdlib; a few native ones work.
    QByteArray source;
    for (const QString &module : allowedModules())
        source += "import " + module.toUtf8() + "\n";
    source += "print('packaged', json.dumps(sorted([hashlib.sha256(b'x').hexdigest()[:8],"
              " str(decimal.Decimal(1) / 8), unicodedata.name('a'), str(zlib.crc32(b'x'))])))\n";
    const QString path = m_dir.filePath(QStringLiteral("imports.py"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(source) != source.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QStringList tst_Packaging::loadedObjects(const QString &ldDebugOutput)
{
    QStringList objects;
    auto it = QRegularExpression(QStringLiteral("calling init: (\\S+)")).globalMatch(ldDebugOutput);
    while (it.hasNext())
        objects << QDir::cleanPath(it.next().captured(1));  // $ORIGIN/../lib comes unresolved
    return objects;
}

void tst_Packaging::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("home"))));
    const QString packages = m_dir.filePath(QStringLiteral("packages"));
    const Outcome cpack = run(QStringLiteral(OBJCAP_CPACK_COMMAND),
                              {QStringLiteral("--config"), buildDir + QStringLiteral("/CPackConfig.cmake"),
                               QStringLiteral("-B"), packages},
                              {}, 800000);
    QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.out + cpack.err));
    m_deb = firstMatch(packages, QStringLiteral("objcap_*.deb"));
    const QString tarball = firstMatch(packages, QStringLiteral("objcap-*.tar.gz"));
    QVERIFY2(!m_deb.isEmpty() && !tarball.isEmpty(), qPrintable(cpack.out));

    const QString unpacked = m_dir.filePath(QStringLiteral("unpacked"));
    const Outcome x = run(QStringLiteral("dpkg"), {QStringLiteral("-x"), m_deb, unpacked});
    QVERIFY2(x.exitCode == 0, qPrintable(x.err));
    m_root = m_dir.filePath(QStringLiteral("moved-root"));
    QVERIFY(QDir().rename(unpacked, m_root));

    const QString tgz = m_dir.filePath(QStringLiteral("tgz"));
    QVERIFY(QDir().mkpath(tgz));
    const Outcome t = run(QStringLiteral("tar"), {QStringLiteral("-xzf"), tarball, QStringLiteral("-C"), tgz});
    QVERIFY2(t.exitCode == 0, qPrintable(t.err));
    const QStringList top = QDir(tgz).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(top.size(), 1);
    m_tarRoot = QDir(tgz).filePath(top.first());

    // A tree inside another one is hidden with it (once the outer one is covered, the inner
    // path no longer exists to mount over).
    for (const QString &dir : {QDir(QStringLiteral(OBJCAP_SOURCE_DIR)).canonicalPath(), buildDir,
                               QDir(cpythonPrefix).canonicalPath()}) {
        bool inside = false;
        for (const QString &other : std::as_const(m_hidden))
            inside = inside || dir == other || dir.startsWith(other + u'/');
        if (!inside && !dir.isEmpty())
            m_hidden << dir;
    }
    m_canHide = run(QStringLiteral("/usr/bin/unshare"),
                    {QStringLiteral("--mount"), QStringLiteral("--propagation"), QStringLiteral("private"),
                     QStringLiteral("/bin/true")})
                    .exitCode == 0;
}

void tst_Packaging::buildTreeIsOutOfReach()
{
    if (!m_canHide)
        QSKIP("no private mount namespace here (unshare --mount refused): the other tests run with "
              "a clean environment, but the build tree stays visible");
    for (const QString &dir : std::as_const(m_hidden)) {
        const Outcome ls = runInstalled(QStringLiteral("/bin/ls"), {QStringLiteral("-A"), dir});
        QVERIFY2(ls.exitCode == 0, qPrintable(ls.err));
        QVERIFY2(ls.out.isEmpty(), qPrintable(dir + QStringLiteral(" still visible: ") + ls.out));
    }
}

void tst_Packaging::debContentsAndDependencies()
{
    const Outcome fields = run(QStringLiteral("dpkg-deb"),
                               {QStringLiteral("-f"), m_deb, QStringLiteral("Package"), QStringLiteral("Depends")});
    QCOMPARE(fields.exitCode, 0);
    QVERIFY2(fields.out.contains(QStringLiteral("Package: objcap\n")), qPrintable(fields.out));
    // Computed by dpkg-shlibdeps from the binaries, not written by hand.
    for (const char *dep : {"libc6", "libqt6core6", "libqt6widgets6", "libzip4", "libsqlite3-0"})
        QVERIFY2(fields.out.contains(QLatin1String(dep)), qPrintable(fields.out));

    // Only objcap's own paths: never Debian python3.13's /usr/lib/python3.13 or libpython.
    const Outcome contents = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb});
    QCOMPARE(contents.exitCode, 0);
    const QRegularExpression allowed(QStringLiteral(
        "^\\./(usr/?|usr/bin/?|usr/bin/objcap(-host)?|usr/lib/?|usr/lib/objcap(/.*)?|usr/share/?|"
        "usr/share/(objcap|applications|metainfo|icons|mime)(/.*)?)$"));
    int files = 0;
    for (const QString &line : contents.out.split(u'\n', Qt::SkipEmptyParts)) {
        QString path = line.section(u' ', -1);
        if (line.startsWith(u'l'))
            path = line.section(QStringLiteral(" -> "), 0, 0).section(u' ', -1);
        QVERIFY2(allowed.match(path).hasMatch(), qPrintable(line));
        ++files;
    }
    QVERIFY(files > 100);
}

void tst_Packaging::binariesReferenceOnlyTheirOwnTree()
{
    const QString lib = m_root + QStringLiteral("/usr/lib/objcap/lib");
    QStringList elves{m_root + QStringLiteral("/usr/lib/objcap/bin/objcap"),
                      m_root + QStringLiteral("/usr/lib/objcap/bin/objcap-host"),
                      m_root + QStringLiteral("/usr/lib/objcap/bin/python3.13"),
                      lib + QStringLiteral("/libpython3.13.so.1.0")};
    QDirIterator dynload(lib + QStringLiteral("/python3.13/lib-dynload"), {QStringLiteral("*.so")}, QDir::Files);
    while (dynload.hasNext())
        elves << dynload.next();
    QVERIFY(elves.size() > 20);
    for (const QString &elf : std::as_const(elves)) {
        const Outcome d = run(QStringLiteral("readelf"), {QStringLiteral("-d"), elf});
        QVERIFY2(d.exitCode == 0, qPrintable(elf + d.err));
        const bool executable = elf.contains(QStringLiteral("/objcap/bin/"));
        const QRegularExpressionMatch path =
            QRegularExpression(QStringLiteral("\\((?:RUNPATH|RPATH)\\)[^\\[]*\\[([^\\]]*)\\]")).match(d.out);
        if (executable)
            QCOMPARE(path.captured(1), QStringLiteral("$ORIGIN/../lib"));
        else
            QVERIFY2(!path.hasMatch(), qPrintable(elf + QStringLiteral(": ") + path.captured(0)));
    }

    // Resolved with no LD_LIBRARY_PATH: the bundled libpython, and no library missing.
    const Outcome ldd = run(QStringLiteral("ldd"), {elves.first()}, cleanEnvironment());
    QCOMPARE(ldd.exitCode, 0);
    const QRegularExpressionMatch resolved =
        QRegularExpression(QStringLiteral("libpython3\\.13\\.so\\.1\\.0 => (\\S+)")).match(ldd.out);
    QVERIFY2(resolved.hasMatch(), qPrintable(ldd.out));
    QCOMPARE(QDir::cleanPath(resolved.captured(1)), lib + QStringLiteral("/libpython3.13.so.1.0"));
    QVERIFY2(!ldd.out.contains(QStringLiteral("not found")), qPrintable(ldd.out));

    // The private interpreter (objcap bench's baseline) finds the same runtime and stdlib.
    const Outcome python = runInstalled(elves.at(2), {QStringLiteral("-S"), QStringLiteral("-c"),
                                                      QStringLiteral("import sys, json; print(sys.prefix)")});
    QVERIFY2(python.exitCode == 0, qPrintable(python.err));
    QCOMPARE(python.out.trimmed(), m_root + QStringLiteral("/usr/lib/objcap"));

    // No file of the package names the build tree.
    QDirIterator all(m_root, QDir::Files | QDir::NoSymLinks, QDirIterator::Subdirectories);
    const QByteArray needle = buildDir.toUtf8() + '/';
    while (all.hasNext()) {
        QFile file(all.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(needle), qPrintable(file.fileName()));
    }
}

void tst_Packaging::cliVersion()
{
    QProcessEnvironment debug;
    debug.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("libs"));
    const Outcome o = runInstalled(m_root + QStringLiteral("/usr/bin/objcap"), {QStringLiteral("--version")}, debug);
    QVERIFY2(o.exitCode == 0, qPrintable(o.err.right(2000)));
    QVERIFY2(o.out.startsWith(QStringLiteral("objcap " OBJCAP_VERSION "\n")), qPrintable(o.out));
    QVERIFY2(o.out.contains(QStringLiteral("CPython 3.13.5 (objcap patch level ")), qPrintable(o.out));
    const QStringList loaded = loadedObjects(o.err);
    QVERIFY2(loaded.contains(m_root + QStringLiteral("/usr/lib/objcap/lib/libpython3.13.so.1.0")),
             qPrintable(loaded.join(u'\n')));
}

void tst_Packaging::cliExec()
{
    QProcessEnvironment debug;
    debug.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("libs"));
    const Outcome o = runInstalled(m_root + QStringLiteral("/usr/bin/objcap"),
                                   {QStringLiteral("exec"), writeScript()}, debug);
    QVERIFY2(o.exitCode == 0, qPrintable(o.out + o.err.right(3000)));
    QVERIFY2(o.out.startsWith(QStringLiteral("packaged [")), qPrintable(o.out));
    QVERIFY2(o.out.contains(QStringLiteral("LATIN SMALL LETTER A")), qPrintable(o.out));
    // The native stdlib modules came from the package's own lib-dynload.
    const QStringList loaded = loadedObjects(o.err);
    const QString dynload = m_root + QStringLiteral("/usr/lib/objcap/lib/python3.13/lib-dynload/");
    QVERIFY2(loaded.contains(dynload + QStringLiteral("unicodedata.cpython-313-x86_64-linux-gnu.so")),
             qPrintable(loaded.join(u'\n')));
    for (const QString &object : loaded)
        QVERIFY2(!object.startsWith(buildDir) && !object.startsWith(cpythonPrefix), qPrintable(object));
}

void tst_Packaging::examplePluginTests()
{
    const QString plugins = m_root + QStringLiteral("/usr/share/objcap/plugins");
    const QStringList names = QDir(plugins).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY2(names.contains(QStringLiteral("hello")), qPrintable(names.join(u' ')));
    QVERIFY(!names.contains(QStringLiteral("hostile")));
    for (const QString &name : names) {
        const Outcome o = runInstalled(m_root + QStringLiteral("/usr/bin/objcap"),
                                       {QStringLiteral("test"), plugins + u'/' + name});
        QVERIFY2(o.exitCode == 0, qPrintable(name + QStringLiteral(": ") + o.out + o.err));
        QVERIFY2(o.out.contains(QStringLiteral(" passed, 0 failed")), qPrintable(name + QStringLiteral(": ") + o.out));
    }
}

void tst_Packaging::hostVersionOffscreen()
{
    const Outcome o = runInstalled(m_root + QStringLiteral("/usr/bin/objcap-host"), {QStringLiteral("--version")});
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QVERIFY2(o.out.startsWith(QStringLiteral("objcap-host " OBJCAP_VERSION "\n")), qPrintable(o.out));
    QVERIFY2(o.out.contains(QStringLiteral("CPython 3.13.5")), qPrintable(o.out));
}

void tst_Packaging::tarballRuns()
{
    // The same tree as /usr in the .deb, unpacked anywhere.
    const QString objcap = m_tarRoot + QStringLiteral("/bin/objcap");
    const Outcome v = runInstalled(objcap, {QStringLiteral("--version")});
    QVERIFY2(v.exitCode == 0, qPrintable(v.err));
    QVERIFY2(v.out.startsWith(QStringLiteral("objcap " OBJCAP_VERSION "\n")), qPrintable(v.out));
    const Outcome e = runInstalled(objcap, {QStringLiteral("exec"), writeScript()});
    QVERIFY2(e.exitCode == 0, qPrintable(e.out + e.err));
    QVERIFY2(e.out.startsWith(QStringLiteral("packaged [")), qPrintable(e.out));
    const Outcome h = runInstalled(m_tarRoot + QStringLiteral("/bin/objcap-host"), {QStringLiteral("--version")});
    QVERIFY2(h.exitCode == 0, qPrintable(h.err));
    QVERIFY(QFile::exists(m_tarRoot + QStringLiteral("/share/objcap/stubs/objcap.pyi")));
}

void tst_Packaging::desktopIntegrationValidates()
{
    const QString share = m_root + QStringLiteral("/usr/share");
    const QString desktop = share + QStringLiteral("/applications/org.objcap.Host.desktop");
    const Outcome d = run(QStringLiteral("desktop-file-validate"), {desktop});
    QVERIFY2(d.exitCode == 0 && !d.out.contains(QStringLiteral("error")), qPrintable(d.out + d.err));
    QFile entry(desktop);
    QVERIFY(entry.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(entry.readAll());
    for (const char *line : {"\nExec=objcap-host %f\n", "\nIcon=org.objcap.Host\n",
                             "\nMimeType=application/vnd.objcap.plugin;\n"})
        QVERIFY2(text.contains(QLatin1String(line)), line);

    const Outcome a = run(QStringLiteral("appstreamcli"),
                          {QStringLiteral("validate"), QStringLiteral("--no-net"),
                           share + QStringLiteral("/metainfo/org.objcap.Host.metainfo.xml")});
    QVERIFY2(a.exitCode == 0, qPrintable(a.out + a.err));

    QVERIFY(QFile::exists(share + QStringLiteral("/icons/hicolor/scalable/apps/org.objcap.Host.svg")));
    for (int size : {16, 24, 32, 48, 64, 128, 256, 512})
        QVERIFY2(QFile::exists(share + QStringLiteral("/icons/hicolor/%1x%1/apps/org.objcap.Host.png").arg(size)),
                 qPrintable(QString::number(size)));
    QVERIFY(QFile::exists(share + QStringLiteral("/objcap/manifest.schema.json")));
    QVERIFY(QFile::exists(share + QStringLiteral("/objcap/stubs/objcap.pyi")));
}

void tst_Packaging::mimeTypeRegisters()
{
    // What shared-mime-info's trigger does on install, run on the unpacked tree.
    const QString mime = m_root + QStringLiteral("/usr/share/mime");
    const Outcome u = run(QStringLiteral("update-mime-database"), {mime});
    QVERIFY2(u.exitCode == 0, qPrintable(u.err));
    QFile globs(mime + QStringLiteral("/globs2"));
    QVERIFY(globs.open(QIODevice::ReadOnly));
    QVERIFY(globs.readAll().contains(":application/vnd.objcap.plugin:*.objcap"));
    QFile subclasses(mime + QStringLiteral("/subclasses"));
    QVERIFY(subclasses.open(QIODevice::ReadOnly));
    QVERIFY(subclasses.readAll().contains("application/vnd.objcap.plugin application/zip\n"));
}

QTEST_GUILESS_MAIN(tst_Packaging)
#include "tst_packaging.moc"
