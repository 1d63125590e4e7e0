#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "../casefile.h"

#include <sys/stat.h>
#include <unistd.h>

// The capability corpus: every tests/capabilities/attack/*.py tries one way around a granted
// capability (ctx.files, ctx.file, ctx.log) and must end with the error its header names; every
// tests/capabilities/legit/*.py uses the capabilities as intended and must complete.
//
// Each row gets a fresh temporary directory DIR filled by fixture.sh (DIR/granted is the granted
// tree, DIR/secret.txt and DIR/single.txt lie outside it) and runs
//   objcap exec --grant <g>... <case>.py
// with DIR as working directory, so grants name paths relative to DIR. The runner snapshots DIR
// before and after (paths, types, sizes, content hashes, link targets; symlinks never followed)
// and fails the row when anything outside DIR/granted changed, when an attack changed anything
// inside DIR/granted (unless it allows it), when stdout contains "TOP SECRET" (the content of
// DIR/secret.txt, and the marker attacks print when a forbidden call returned), or when DIR's
// absolute path shows up in the output.
//
// Header (the leading block of comment lines):
//   # Technique: <what the case does>                          required
//   # expect: <exception type on the last stderr line>         attack cases; alternatives
//                                                              separated by " | "
//   # grant: <files=DIR[:ro] | file=PATH[:ro] | log>           repeatable, one grant a line
//   # exit: <code>                                             optional; attack 1, legit 0
//   # allow-changes-inside: yes                                attack may change DIR/granted
//   # stderr-contains: <text>                                  repeatable; stderr must contain it
//   # args: <extra objcap exec arguments>                      optional
class tst_Capabilities : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void attack_data();
    void attack();
    void legit_data();
    void legit();

public:
    // Relative path -> "type size hash" / "link -> target" / "dir" / "fifo" ...
    using Snapshot = QMap<QString, QString>;

    struct Header {
        QString technique;
        QStringList expect; // alternatives
        QStringList grants;
        QStringList args;
        QStringList stderrContains;
        int exitCode = -1; // -1: the kind's default
        bool allowChangesInside = false;
        QString error; // non-empty when the header is malformed
    };
    struct Outcome {
        bool started = false;
        bool finished = false;
        bool crashed = false;
        int exitCode = -1;
        QString out;
        QString err;
        QStringList hostPaths; // DIR's absolute path in its forms (leak check)
        Snapshot before;
        Snapshot after;
        QString setupError;
    };

    static bool makeFixture(const QString &dir, QString *error);
    static Snapshot snapshot(const QString &dir);
    static Snapshot subtree(const Snapshot &s, const QString &prefix, bool inside);
    static QString diff(const Snapshot &before, const Snapshot &after);
    static Header parseHeader(const QString &path);
    static Outcome run(const QString &path, const Header &header);

private:
    static void addRows(const QString &kind);
    static QString describe(const QString &path, const Header &header, const Outcome &o);
    static void checkCommon(const QString &path, const Header &header, const Outcome &o, const QString &details);
};

static const QString kFixtureScript = QStringLiteral(OBJCAP_SOURCE_DIR "/tests/capabilities/fixture.sh");
static const QString kGranted = QStringLiteral("granted");
static const int kTimeoutMs = 60000;

bool tst_Capabilities::makeFixture(const QString &dir, QString *error)
{
    QProcess p;
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral("bash"), {kFixtureScript, dir});
    if (!p.waitForStarted(10000) || !p.waitForFinished(30000)) {
        *error = QStringLiteral("fixture.sh did not run: ") + p.errorString();
        p.kill();
        p.waitForFinished();
        return false;
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("fixture.sh failed (exit %1): %2")
                     .arg(p.exitCode())
                     .arg(QString::fromLocal8Bit(p.readAllStandardError()));
        return false;
    }
    return true;
}

// One line per entry under dir, never following symlinks and never opening anything but regular
// files (a FIFO would block).
tst_Capabilities::Snapshot tst_Capabilities::snapshot(const QString &dir)
{
    Snapshot s;
    const QDir root(dir);
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories); // no FollowSymlinks
    while (it.hasNext()) {
        const QString abs = it.next();
        const QString rel = root.relativeFilePath(abs);
        const QByteArray native = QFile::encodeName(abs);
        struct stat st {};
        if (::lstat(native.constData(), &st) != 0) {
            s.insert(rel, QStringLiteral("vanished"));
            continue;
        }
        const QString mode = QString::number(st.st_mode & 07777, 8);
        if (S_ISLNK(st.st_mode)) {
            QByteArray target(4096, '\0');
            const ssize_t n = ::readlink(native.constData(), target.data(), target.size());
            target.resize(n < 0 ? 0 : n);
            s.insert(rel, QStringLiteral("link -> ") + QFile::decodeName(target));
        } else if (S_ISDIR(st.st_mode)) {
            s.insert(rel, QStringLiteral("dir ") + mode);
        } else if (S_ISREG(st.st_mode)) {
            QFile f(abs);
            QString hash = QStringLiteral("unreadable");
            if (f.open(QIODevice::ReadOnly)) {
                QCryptographicHash h(QCryptographicHash::Sha256);
                h.addData(&f);
                hash = QString::fromLatin1(h.result().toHex());
            }
            s.insert(rel, QStringLiteral("file %1 size=%2 nlink=%3 sha256=%4")
                              .arg(mode)
                              .arg(st.st_size)
                              .arg(st.st_nlink)
                              .arg(hash));
        } else if (S_ISFIFO(st.st_mode)) {
            s.insert(rel, QStringLiteral("fifo ") + mode);
        } else if (S_ISSOCK(st.st_mode)) {
            s.insert(rel, QStringLiteral("socket ") + mode);
        } else {
            s.insert(rel, QStringLiteral("device %1 rdev=%2").arg(mode).arg(quint64(st.st_rdev)));
        }
    }
    return s;
}

// The entries under prefix/ (inside) or all others, prefix itself included (outside).
tst_Capabilities::Snapshot tst_Capabilities::subtree(const Snapshot &s, const QString &prefix, bool inside)
{
    Snapshot out;
    for (auto it = s.cbegin(); it != s.cend(); ++it) {
        if (it.key().startsWith(prefix + u'/') == inside)
            out.insert(it.key(), it.value());
    }
    return out;
}

QString tst_Capabilities::diff(const Snapshot &before, const Snapshot &after)
{
    QStringList lines;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            lines << QStringLiteral("    removed:  ") + it.key() + QStringLiteral("  (") + it.value() + u')';
        else if (after.value(it.key()) != it.value())
            lines << QStringLiteral("    changed:  ") + it.key() + QStringLiteral("  (") + it.value()
                         + QStringLiteral(" => ") + after.value(it.key()) + u')';
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!before.contains(it.key()))
            lines << QStringLiteral("    created:  ") + it.key() + QStringLiteral("  (") + it.value() + u')';
    }
    return lines.join(u'\n');
}

tst_Capabilities::Header tst_Capabilities::parseHeader(const QString &path)
{
    Header header;
    const auto fields = casefile::readHeader(path);
    if (!fields) {
        header.error = QStringLiteral("cannot read ") + path;
        return header;
    }
    for (const auto &[key, value] : *fields) {
        if (key == QLatin1String("technique")) {
            header.technique = value;
        } else if (key == QLatin1String("expect")) {
            for (const QString &alt : value.split(u'|', Qt::SkipEmptyParts))
                header.expect << alt.trimmed();
        } else if (key == QLatin1String("grant")) {
            if (value.isEmpty() || value.contains(u' '))
                header.error = QStringLiteral("bad grant (one grant a line): ") + value;
            header.grants << value;
        } else if (key == QLatin1String("exit")) {
            bool ok = false;
            header.exitCode = value.toInt(&ok);
            if (!ok)
                header.error = QStringLiteral("bad exit value: ") + value;
        } else if (key == QLatin1String("allow-changes-inside")) {
            header.allowChangesInside = value.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0;
        } else if (key == QLatin1String("stderr-contains")) {
            header.stderrContains << value;
        } else if (key == QLatin1String("args")) {
            header.args = QProcess::splitCommand(value);
        } else {
            header.error = QStringLiteral("unknown header field: ") + key;
        }
    }
    if (header.error.isEmpty() && header.technique.isEmpty())
        header.error = QStringLiteral("header has no '# Technique:' line");
    return header;
}

tst_Capabilities::Outcome tst_Capabilities::run(const QString &path, const Header &header)
{
    Outcome o;
    QTemporaryDir work;
    if (!work.isValid()) {
        o.setupError = QStringLiteral("cannot create a temporary directory: ") + work.errorString();
        return o;
    }
    const QString dir = work.path();
    o.hostPaths << dir << QDir(dir).canonicalPath() << QFileInfo(dir).fileName();
    o.hostPaths.removeDuplicates();
    if (!makeFixture(dir, &o.setupError))
        return o;
    o.before = snapshot(dir);
    if (!o.before.contains(kGranted + QStringLiteral("/notes.txt")) || !o.before.contains(QStringLiteral("secret.txt"))) {
        o.setupError = QStringLiteral("fixture.sh did not build the tree");
        return o;
    }

    QStringList arguments{QStringLiteral("exec")};
    for (const QString &grant : header.grants)
        arguments << QStringLiteral("--grant") << grant;
    arguments << header.args << path;

    QProcess process;
    process.setWorkingDirectory(dir);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QStringLiteral(OBJCAP_BIN_DIR "/objcap"), arguments);
    o.started = process.waitForStarted(10000);
    if (!o.started) {
        o.setupError = QStringLiteral("objcap did not start: ") + process.errorString();
        return o;
    }
    o.finished = process.waitForFinished(kTimeoutMs);
    if (!o.finished) {
        process.kill();
        process.waitForFinished();
    }
    o.crashed = o.finished && process.exitStatus() != QProcess::NormalExit;
    o.exitCode = process.exitCode();
    o.out = QString::fromUtf8(process.readAllStandardOutput());
    o.err = QString::fromUtf8(process.readAllStandardError());
    o.after = snapshot(dir);
    return o;
}

QString tst_Capabilities::describe(const QString &path, const Header &header, const Outcome &o)
{
    QString text = QStringLiteral("\n  case: ") + path + QStringLiteral("\n  technique: ") + header.technique;
    text += QStringLiteral("\n  command: objcap exec");
    for (const QString &grant : header.grants)
        text += QStringLiteral(" --grant ") + grant;
    if (!o.setupError.isEmpty())
        text += QStringLiteral("\n  SETUP: ") + o.setupError;
    if (o.started && !o.finished)
        text += QStringLiteral("\n  TIMED OUT after %1 s (killed)").arg(kTimeoutMs / 1000);
    if (o.crashed)
        text += QStringLiteral("\n  CRASHED");
    text += QStringLiteral("\n  exit code: ") + QString::number(o.exitCode);
    const QString changes = diff(o.before, o.after);
    if (!changes.isEmpty())
        text += QStringLiteral("\n  changes in the fixture:\n") + changes;
    text += QStringLiteral("\n  --- stdout ---\n") + o.out.left(4000);
    text += QStringLiteral("\n  --- stderr ---\n") + o.err.right(4000);
    return text;
}

// The last non-empty stderr line names the exception: "Type" or "Type: message".
static bool namesException(const QString &stderrText, const QStringList &expect)
{
    QString last;
    for (const QString &line : stderrText.split(u'\n')) {
        if (!line.trimmed().isEmpty())
            last = line.trimmed();
    }
    for (const QString &e : expect) {
        if (last == e || last.startsWith(e + u':'))
            return true;
    }
    return false;
}

void tst_Capabilities::addRows(const QString &kind)
{
    casefile::addRows(QStringLiteral(OBJCAP_SOURCE_DIR "/tests/capabilities/") + kind);
}

// Checks for every case, attack or legit.
void tst_Capabilities::checkCommon(const QString &path, const Header &header, const Outcome &o, const QString &details)
{
    Q_UNUSED(path);
    Q_UNUSED(header);
    QVERIFY2(o.setupError.isEmpty(), qPrintable(details));
    QVERIFY2(o.finished, qPrintable(details));
    QVERIFY2(!o.crashed, qPrintable(details));
    QVERIFY2(!o.out.contains(QLatin1String("TOP SECRET")),
             qPrintable(QStringLiteral("ESCAPE: stdout contains TOP SECRET; ") + details));
    for (const QString &hostPath : o.hostPaths) {
        QVERIFY2(!o.err.contains(hostPath),
                 qPrintable(QStringLiteral("LEAK: stderr contains the host path ") + hostPath + u';' + details));
        QVERIFY2(!o.out.contains(hostPath),
                 qPrintable(QStringLiteral("LEAK: stdout contains the host path ") + hostPath + u';' + details));
    }
    const QString outside = diff(subtree(o.before, kGranted, false), subtree(o.after, kGranted, false));
    QVERIFY2(outside.isEmpty(), qPrintable(QStringLiteral("ESCAPE: changed outside granted/:\n") + outside + details));
}

void tst_Capabilities::initTestCase()
{
    // The fixture is what every row relies on: check its shape once, and that it is idempotent.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY2(makeFixture(dir.path(), &error), qPrintable(error));
    const Snapshot first = snapshot(dir.path());
    QVERIFY2(makeFixture(dir.path(), &error), qPrintable(error));
    const Snapshot second = snapshot(dir.path());
    QVERIFY2(first == second, qPrintable(QStringLiteral("fixture.sh is not idempotent:\n") + diff(first, second)));
    const QList<QPair<QString, QString>> expected{
        {QStringLiteral("secret.txt"), QStringLiteral("file ")},
        {QStringLiteral("single.txt"), QStringLiteral("file ")},
        {QStringLiteral("granted"), QStringLiteral("dir ")},
        {QStringLiteral("granted/notes.txt"), QStringLiteral("file ")},
        {QStringLiteral("granted/sub/inner.txt"), QStringLiteral("file ")},
        {QStringLiteral("granted/empty"), QStringLiteral("dir ")},
        {QStringLiteral("granted/fifo"), QStringLiteral("fifo ")},
        {QStringLiteral("granted/café ☕.txt"), QStringLiteral("file ")},
        {QStringLiteral("granted/link_in"), QStringLiteral("link -> notes.txt")},
        {QStringLiteral("granted/link_out"), QStringLiteral("link -> ../secret.txt")},
        {QStringLiteral("granted/link_abs"), QStringLiteral("link -> /etc/hostname")},
        {QStringLiteral("granted/link_chain1"), QStringLiteral("link -> link_chain2")},
        {QStringLiteral("granted/link_chain2"), QStringLiteral("link -> ../secret.txt")},
        {QStringLiteral("granted/loop1"), QStringLiteral("link -> loop2")},
        {QStringLiteral("granted/loop2"), QStringLiteral("link -> loop1")},
        {QStringLiteral("granted/dangling"), QStringLiteral("link -> nowhere")},
        {QStringLiteral("granted/dirlink_out"), QStringLiteral("link -> ..")},
        {QStringLiteral("granted/proc_root"), QStringLiteral("link -> /proc/self/root")},
        {QStringLiteral("granted/sub/link_up"), QStringLiteral("link -> ../../secret.txt")},
        {QStringLiteral("granted/sub/link_rel"), QStringLiteral("link -> ../secret.txt")},
    };
    for (const auto &[rel, prefix] : expected) {
        QVERIFY2(first.value(rel).startsWith(prefix),
                 qPrintable(rel + QStringLiteral(": expected '") + prefix + QStringLiteral("', got '") + first.value(rel) + u'\''));
    }
    QFile secret(dir.filePath(QStringLiteral("secret.txt")));
    QVERIFY(secret.open(QIODevice::ReadOnly));
    QCOMPARE(secret.readAll(), QByteArray("TOP SECRET"));
    // Nothing was followed out of the tree: dirlink_out (-> ..) and proc_root stay leaves.
    for (const QString &rel : first.keys())
        QVERIFY2(!rel.startsWith(QLatin1String("granted/dirlink_out/")) && !rel.startsWith(QLatin1String("granted/proc_root/")),
                 qPrintable(rel));
}

void tst_Capabilities::attack_data()
{
    addRows(QStringLiteral("attack"));
}

void tst_Capabilities::attack()
{
    QFETCH(QString, path);
    const Header header = parseHeader(path);
    QVERIFY2(header.error.isEmpty(), qPrintable(path + QStringLiteral(": ") + header.error));
    QVERIFY2(!header.expect.isEmpty(), qPrintable(path + QStringLiteral(": header has no '# expect:' line")));
    const int exitCode = header.exitCode < 0 ? 1 : header.exitCode;

    const Outcome o = run(path, header);
    const QString details = describe(path, header, o);
    checkCommon(path, header, o, details);
    if (QTest::currentTestFailed())
        return;
    if (!header.allowChangesInside) {
        const QString inside = diff(subtree(o.before, kGranted, true), subtree(o.after, kGranted, true));
        QVERIFY2(inside.isEmpty(), qPrintable(QStringLiteral("the attack changed granted/:\n") + inside + details));
    }
    for (const QString &text : header.stderrContains)
        QVERIFY2(o.err.contains(text), qPrintable(QStringLiteral("stderr lacks '") + text + QStringLiteral("'; ") + details));
    QVERIFY2(o.exitCode == exitCode,
             qPrintable(QStringLiteral("expected exit code ") + QString::number(exitCode) + QStringLiteral("; ") + details));
    QVERIFY2(namesException(o.err, header.expect),
             qPrintable(QStringLiteral("expected the exception '") + header.expect.join(QLatin1String("' or '"))
                        + QStringLiteral("' on the last stderr line; ") + details));
}

void tst_Capabilities::legit_data()
{
    addRows(QStringLiteral("legit"));
}

void tst_Capabilities::legit()
{
    QFETCH(QString, path);
    const Header header = parseHeader(path);
    QVERIFY2(header.error.isEmpty(), qPrintable(path + QStringLiteral(": ") + header.error));
    const int exitCode = header.exitCode < 0 ? 0 : header.exitCode;

    const Outcome o = run(path, header);
    const QString details = describe(path, header, o);
    checkCommon(path, header, o, details);
    if (QTest::currentTestFailed())
        return;
    // Legit cases write only below granted/scratch/.
    const auto notScratch = [](const Snapshot &s) {
        const QString scratch = kGranted + QStringLiteral("/scratch");
        Snapshot out = subtree(s, kGranted, true);
        for (auto it = out.begin(); it != out.end();) {
            if (it.key() == scratch || it.key().startsWith(scratch + u'/'))
                it = out.erase(it);
            else
                ++it;
        }
        return out;
    };
    const QString inside = diff(notScratch(o.before), notScratch(o.after));
    QVERIFY2(inside.isEmpty(), qPrintable(QStringLiteral("changed granted/ outside granted/scratch/:\n") + inside + details));
    QVERIFY2(o.exitCode == exitCode,
             qPrintable(QStringLiteral("expected exit code ") + QString::number(exitCode) + QStringLiteral("; ") + details));
    for (const QString &text : header.stderrContains)
        QVERIFY2(o.err.contains(text), qPrintable(QStringLiteral("stderr lacks '") + text + QStringLiteral("'; ") + details));
}

QTEST_GUILESS_MAIN(tst_Capabilities)
#include "tst_capabilities.moc"
