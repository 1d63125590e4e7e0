#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "../casefile.h"

// The escape-technique corpus: every tests/security/fail/*.py tries one way out of the sandbox and
// must end with the refusal its header names; every tests/security/succeed/*.py uses only what a
// plugin is allowed and must complete. Each case runs as `objcap exec` in its own empty temporary
// directory, which must still be empty afterwards: a fail case writes `objcap-escape-marker` there
// when its attack works, so a leftover file is an escape.
//
// Fail-case header (the first comment lines of the file):
//   # Technique: <what the attack tries>
//   # expect: <exception type as printed on the last traceback line>
//   # exit: <exit code>              optional, default 1
//   # args: <extra objcap exec arguments>  optional
class tst_Corpus : public QObject {
    Q_OBJECT

private slots:
    void fail_data();
    void fail();
    void succeed_data();
    void succeed();

private:
    struct Header {
        QString technique;
        QString expect;
        int exitCode = 1;
        QStringList args;
        QString error; // non-empty when the header is malformed
    };
    struct Outcome {
        bool finished = false;
        bool crashed = false;
        int exitCode = -1;
        QString out;
        QString err;
        QStringList leftovers; // files left in the working directory
    };
    static void addRows(const QString &kind);
    static Header parseHeader(const QString &path);
    static Outcome run(const QString &path, const QStringList &args);
    static QString describe(const QString &path, const Outcome &o);
};

void tst_Corpus::addRows(const QString &kind)
{
    casefile::addRows(QStringLiteral(OBJCAP_SOURCE_DIR "/tests/security/") + kind);
}

tst_Corpus::Header tst_Corpus::parseHeader(const QString &path)
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
            header.expect = value;
        } else if (key == QLatin1String("exit")) {
            bool ok = false;
            header.exitCode = value.toInt(&ok);
            if (!ok)
                header.error = QStringLiteral("bad exit value: ") + value;
        } else if (key == QLatin1String("args")) {
            header.args = QProcess::splitCommand(value);
        }
    }
    if (header.error.isEmpty() && header.technique.isEmpty())
        header.error = QStringLiteral("header has no '# Technique:' line");
    if (header.error.isEmpty() && header.expect.isEmpty())
        header.error = QStringLiteral("header has no '# expect:' line");
    return header;
}

tst_Corpus::Outcome tst_Corpus::run(const QString &path, const QStringList &args)
{
    Outcome o;
    QTemporaryDir work;
    if (!work.isValid()) {
        o.err = QStringLiteral("cannot create a temporary directory: ") + work.errorString();
        return o;
    }
    QProcess process;
    process.setWorkingDirectory(work.path());
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QStringLiteral(OBJCAP_BIN_DIR "/objcap"), QStringList{QStringLiteral("exec")} + args + QStringList{path});
    if (!process.waitForStarted(10000)) {
        o.err = QStringLiteral("objcap did not start: ") + process.errorString();
        return o;
    }
    o.finished = process.waitForFinished(60000);
    if (!o.finished) {
        process.kill();
        process.waitForFinished();
    }
    o.crashed = process.exitStatus() != QProcess::NormalExit;
    o.exitCode = process.exitCode();
    o.out = QString::fromUtf8(process.readAllStandardOutput());
    o.err = QString::fromUtf8(process.readAllStandardError());
    const QDir dir(work.path());
    o.leftovers = dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    return o;
}

QString tst_Corpus::describe(const QString &path, const Outcome &o)
{
    QString text = QStringLiteral("\n  case: ") + path;
    if (!o.finished)
        text += QStringLiteral("\n  TIMED OUT after 60 s (killed)");
    if (o.crashed)
        text += QStringLiteral("\n  CRASHED");
    text += QStringLiteral("\n  exit code: ") + QString::number(o.exitCode);
    if (!o.leftovers.isEmpty())
        text += QStringLiteral("\n  files left in the working directory: ") + o.leftovers.join(QStringLiteral(", "));
    text += QStringLiteral("\n  --- stdout ---\n") + o.out.left(4000);
    text += QStringLiteral("\n  --- stderr ---\n") + o.err.right(4000);
    return text;
}

// The line that names the exception: the last non-empty stderr line, or for a limit (exit 3),
// where the CLI adds its own "objcap: ... stopped" line after the traceback, any line.
static bool namesException(const QString &stderrText, const QString &expect, bool anyLine)
{
    QStringList lines;
    for (const QString &line : stderrText.split(u'\n')) {
        if (!line.trimmed().isEmpty())
            lines << line.trimmed();
    }
    if (lines.isEmpty())
        return false;
    const auto matches = [&](const QString &line) {
        return line == expect || line.startsWith(expect + u':');
    };
    if (!anyLine)
        return matches(lines.last());
    for (const QString &line : lines) {
        if (matches(line))
            return true;
    }
    return false;
}

void tst_Corpus::fail_data()
{
    addRows(QStringLiteral("fail"));
}

void tst_Corpus::fail()
{
    QFETCH(QString, path);
    const Header header = parseHeader(path);
    QVERIFY2(header.error.isEmpty(), qPrintable(path + QStringLiteral(": ") + header.error));

    const Outcome o = run(path, header.args);
    const QString details = QStringLiteral("technique: ") + header.technique + describe(path, o);
    QVERIFY2(o.finished, qPrintable(details));
    QVERIFY2(!o.crashed, qPrintable(details));
    QVERIFY2(o.leftovers.isEmpty(), qPrintable(QStringLiteral("ESCAPE: the case wrote into its working directory; ") + details));
    QVERIFY2(o.exitCode == header.exitCode,
             qPrintable(QStringLiteral("expected exit code ") + QString::number(header.exitCode) + QStringLiteral("; ") + details));
    QVERIFY2(namesException(o.err, header.expect, header.exitCode == 3),
             qPrintable(QStringLiteral("expected the exception '") + header.expect + QStringLiteral("'; ") + details));
}

void tst_Corpus::succeed_data()
{
    addRows(QStringLiteral("succeed"));
}

void tst_Corpus::succeed()
{
    QFETCH(QString, path);
    const Outcome o = run(path, {});
    const QString details = describe(path, o);
    QVERIFY2(o.finished, qPrintable(details));
    QVERIFY2(!o.crashed, qPrintable(details));
    QVERIFY2(o.exitCode == 0, qPrintable(details));
    QVERIFY2(o.leftovers.isEmpty(), qPrintable(QStringLiteral("the case wrote into its working directory; ") + details));
}

QTEST_GUILESS_MAIN(tst_Corpus)
#include "tst_corpus.moc"
