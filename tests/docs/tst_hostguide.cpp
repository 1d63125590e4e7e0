// sandbox/README.md, the host developer guide, kept honest: its example host
// (examples/embedding/gamehost.cpp) is built and run here, and every fenced code block of the
// guide is checked against it, so the guide cannot drift from code that compiles and runs.
// sandbox/SECURITY.md, the security model, is checked against the tree it describes: its
// sample cases, the CPython patches, the files it names and the corpus header keys.
//
// Annotations (the words after the block's language on its opening fence):
//   from=PATH      the block is an excerpt of PATH (relative to the source tree): its lines
//                  appear there in order and contiguously, compared without leading and
//                  trailing blanks; a line "// ..." or "# ..." stands for lines left out
//   copy=PATH      the block is exactly the file PATH
//   output         exactly what the example host prints
// A block without one of them fails.
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

namespace {

struct Block {
    int line = 0;  // of the opening fence, 1-based
    QString language;
    QStringList words;
    QStringList lines;
};

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot read %s", qPrintable(path));
    return QString::fromUtf8(file.readAll());
}

QString guide()
{
    return readText(QStringLiteral(OBJCAP_SOURCE_DIR "/sandbox/README.md"));
}

QString securityModel()
{
    return readText(QStringLiteral(OBJCAP_SOURCE_DIR "/sandbox/SECURITY.md"));
}

QList<Block> blocks(const QString &markdown)
{
    QList<Block> out;
    const QStringList lines = markdown.split(u'\n');
    // A fence may be indented (a block in a list item): its indentation is not the block's.
    static const QRegularExpression fence(QStringLiteral("^( *)```(\\S*)\\s*(.*)$"));
    for (int i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch open = fence.match(lines[i]);
        if (!open.hasMatch())
            continue;
        const QString indent = open.captured(1);
        Block block{i + 1, open.captured(2), open.captured(3).split(u' ', Qt::SkipEmptyParts), {}};
        for (++i; i < lines.size() && lines[i] != indent + QLatin1String("```"); ++i)
            block.lines << (lines[i].startsWith(indent) ? lines[i].mid(indent.size()) : lines[i]);
        out << block;
    }
    return out;
}

QStringList trimmed(const QStringList &lines)
{
    QStringList out;
    for (const QString &line : lines)
        out << line.trimmed();
    return out;
}

// Whether `excerpt` appears in `source` as runs of contiguous lines, in order, split at elisions.
bool isExcerpt(const QStringList &excerpt, const QStringList &source, QString *why)
{
    QList<QStringList> runs{{}};
    for (const QString &line : trimmed(excerpt)) {
        if (line == QLatin1String("// ...") || line == QLatin1String("# ..."))
            runs << QStringList();
        else
            runs.last() << line;
    }
    const QStringList haystack = trimmed(source);
    qsizetype from = 0;
    for (const QStringList &run : runs) {
        if (run.isEmpty())
            continue;
        qsizetype at = from;
        for (; at + run.size() <= haystack.size(); ++at) {
            if (haystack.mid(at, run.size()) == run)
                break;
        }
        if (at + run.size() > haystack.size()) {
            *why = QStringLiteral("not found (in order) in the source:\n") + run.join(u'\n');
            return false;
        }
        from = at + run.size();
    }
    return true;
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runExample()
{
    QProcess process;
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QStringLiteral(OBJCAP_EXAMPLE_GAMEHOST), {});
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, QStringLiteral("the example did not run to its end: ") + process.errorString()};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class tst_HostGuide : public QObject {
    Q_OBJECT

private slots:
    void exampleBehavesAsDescribed();
    void blocks_data();
    void blocks();
    void guideNamesThePublicApi_data();
    void guideNamesThePublicApi();
    void securitySamplesAreCorpusCases();
    void securityNamesEachPatch();
    void securityNamesExistingFiles();
    void securityHeaderKeysAreTheRunners();
};

// What the guide says the example shows, checked line by line.
void tst_HostGuide::exampleBehavesAsDescribed()
{
    const Run run = runExample();
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QStringList expected{
        QStringLiteral("tick 1"),
        QStringLiteral("<objcap world capability read-only> can spawn: False"),  // the radar's attenuated grant
        QStringLiteral("radar sees ['slime0']"),                                 // the spawner's spawn reached the game
        QStringLiteral("tick 2"),
        QStringLiteral("radar sees ['slime0', 'slime1']"),
        QStringLiteral("radar failed: objcap.LimitExceeded: time limit exceeded"),  // its runaway loop, stopped
        QStringLiteral("tick 3"),
        QStringLiteral("spawner failed: objcap.RevokedError: the 'world' capability has been revoked"),
        QStringLiteral("radar sees ['slime0', 'slime1']"),  // nothing spawned after the revocation
        QStringLiteral("tick 4"),
        QStringLiteral("spawner failed: objcap.RevokedError: the 'world' capability has been revoked"),
        QStringLiteral("radar sees ['slime0', 'slime1']"),  // the radar's own grant still works
        QStringLiteral("spawner: 2 refusals"),
        QStringLiteral("  allowed world.entities()"),
        QStringLiteral("  allowed world.spawn(slime0)"),
        QStringLiteral("  allowed world.entities()"),
        QStringLiteral("  allowed world.spawn(slime1)"),
        QStringLiteral("  REFUSED world.entities()"),
        QStringLiteral("  REFUSED world.entities()"),
        QStringLiteral("radar: 0 refusals"),
        QStringLiteral("  allowed world.entities()"),
        QStringLiteral("  allowed world.entities()"),
        QStringLiteral("  allowed world.entities()"),
        QStringLiteral("  allowed world.entities()"),
    };
    QCOMPARE(run.out.split(u'\n', Qt::SkipEmptyParts), expected);
}

void tst_HostGuide::blocks_data()
{
    QTest::addColumn<int>("index");
    const QList<Block> all = ::blocks(guide());
    QVERIFY2(!all.isEmpty(), "no code blocks in sandbox/README.md");
    for (int i = 0; i < all.size(); ++i)
        QTest::addRow("line %d (%s)", all[i].line, qPrintable(all[i].language)) << i;
}

void tst_HostGuide::blocks()
{
    QFETCH(int, index);
    const Block block = ::blocks(guide()).at(index);
    const auto from = std::find_if(block.words.begin(), block.words.end(),
                                   [](const QString &w) { return w.startsWith(QLatin1String("from=")); });
    if (from != block.words.end()) {
        const QString path = from->mid(5);
        QString why;
        QVERIFY2(isExcerpt(block.lines, readText(QStringLiteral(OBJCAP_SOURCE_DIR "/") + path).split(u'\n'), &why),
                 qPrintable(QStringLiteral("sandbox/README.md:%1 is not an excerpt of %2: %3").arg(block.line).arg(path, why)));
    } else if (block.words.contains(QLatin1String("output"))) {
        const Run run = runExample();
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QCOMPARE(block.lines, run.out.chopped(run.out.endsWith(u'\n') ? 1 : 0).split(u'\n'));
    } else {
        QFAIL(qPrintable(QStringLiteral("sandbox/README.md:%1: a block needs from=PATH or output").arg(block.line)));
    }
}

// Every public member of the classes a host uses appears in the guide as `name`.
void tst_HostGuide::guideNamesThePublicApi_data()
{
    QTest::addColumn<QString>("name");
    const QString header = readText(QStringLiteral(OBJCAP_SOURCE_DIR "/sandbox/include/objcap/sandbox.h")) +
                           readText(QStringLiteral(OBJCAP_SOURCE_DIR "/sandbox/include/objcap/runtime.h"));
    static const QRegularExpression section(
        QStringLiteral("\\n(?:struct (SandboxOptions|RunOptions) \\{|class (Sandbox|Runtime) \\{\\npublic:)(.*?)\\n(?:private:|\\};)"),
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression member(QStringLiteral("^    (?!//)[^(;]*?\\b(\\w+)\\s*(?:\\(|\\{|=[^;]*;|;)"),
                                           QRegularExpression::MultilineOption);
    static const QRegularExpression callable(QStringLiteral("^    std::function<[^;]*>\\s+(\\w+);"),
                                             QRegularExpression::MultilineOption);
    QSet<QString> names;
    for (auto s = section.globalMatch(header); s.hasNext();) {
        const QRegularExpressionMatch m = s.next();
        const QString owner = m.captured(1) + m.captured(2);
        const QString body = m.captured(3);
        for (const auto &re : {member, callable}) {
            for (auto it = re.globalMatch(body); it.hasNext();) {
                const QString name = it.next().captured(1);
                if (name != owner && name != QLatin1String("void") && name != QLatin1String("operator"))
                    names.insert(name);
            }
        }
    }
    QVERIFY2(names.size() > 25, qPrintable(QStringList(names.begin(), names.end()).join(u' ')));
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
}

void tst_HostGuide::guideNamesThePublicApi()
{
    QFETCH(QString, name);
    const QRegularExpression named(QStringLiteral("`[^`\\n]*\\b") + QRegularExpression::escape(name) + QStringLiteral("\\b[^`\\n]*`"));
    QVERIFY2(guide().contains(named), qPrintable(QStringLiteral("sandbox/README.md never names `") + name + u'`'));
}

// The sample case files shown are real corpus cases, character for character.
void tst_HostGuide::securitySamplesAreCorpusCases()
{
    const QList<Block> all = ::blocks(securityModel());
    QVERIFY(!all.isEmpty());
    for (const Block &block : all) {
        const auto copy = std::find_if(block.words.begin(), block.words.end(),
                                       [](const QString &w) { return w.startsWith(QLatin1String("copy=")); });
        QVERIFY2(copy != block.words.end(),
                 qPrintable(QStringLiteral("sandbox/SECURITY.md:%1: a block needs copy=PATH").arg(block.line)));
        const QString path = copy->mid(5);
        QCOMPARE(block.lines.join(u'\n') + u'\n', readText(QStringLiteral(OBJCAP_SOURCE_DIR "/") + path));
    }
}

// Every patch applied to CPython is explained ("0003 `mappingproxy-compares-a-copy`").
void tst_HostGuide::securityNamesEachPatch()
{
    const QString text = securityModel();
    QDirIterator it(QStringLiteral(OBJCAP_SOURCE_DIR "/sandbox/cpython/patches"), {QStringLiteral("*.patch")});
    int count = 0;
    while (it.hasNext()) {
        const QString base = QFileInfo(it.next()).completeBaseName();  // 0003-mappingproxy-...
        const QString named = base.left(4) + QStringLiteral(" `") + base.mid(5) + u'`';
        QVERIFY2(text.contains(named), qPrintable(QStringLiteral("sandbox/SECURITY.md does not explain ") + named));
        ++count;
    }
    QVERIFY(count > 0);
}

// Every source file it names (`audithook.cpp`, `host/core/netcapability.h`) exists.
void tst_HostGuide::securityNamesExistingFiles()
{
    QSet<QString> paths;
    QSet<QString> baseNames;
    for (const char *root : {"sandbox", "tests", "host", "resources"}) {
        QDirIterator it(QStringLiteral(OBJCAP_SOURCE_DIR "/") + QLatin1String(root), QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            paths.insert(path.mid(int(sizeof(OBJCAP_SOURCE_DIR))));
            baseNames.insert(QFileInfo(path).fileName());
        }
    }
    static const QRegularExpression named(QStringLiteral("`([\\w/.-]+\\.(?:cpp|h|toml|sh|patch))`"));
    int count = 0;
    for (auto it = named.globalMatch(securityModel()); it.hasNext(); ++count) {
        const QString name = it.next().captured(1);
        // A path may be given from the source tree or from a folder the text just named.
        const auto endsWithName = [&](const QString &p) { return p == name || p.endsWith(u'/' + name); };
        const bool exists = name.contains(u'/') ? std::any_of(paths.begin(), paths.end(), endsWithName)
                                                : baseNames.contains(name);
        QVERIFY2(exists, qPrintable(QStringLiteral("sandbox/SECURITY.md names `") + name + QStringLiteral("`, which does not exist")));
    }
    QVERIFY(count > 10);
}

// The header keys in its table are exactly the ones the two corpus runners read.
void tst_HostGuide::securityHeaderKeysAreTheRunners()
{
    QSet<QString> read;
    static const QRegularExpression parsed(QStringLiteral("key == QLatin1String\\(\"([\\w-]+)\"\\)"));
    for (const char *runner : {"/tests/security/tst_corpus.cpp", "/tests/capabilities/tst_capabilities.cpp"}) {
        for (auto it = parsed.globalMatch(readText(QStringLiteral(OBJCAP_SOURCE_DIR) + QLatin1String(runner))); it.hasNext();)
            read.insert(it.next().captured(1));
    }
    const QString text = securityModel();
    const qsizetype start = text.indexOf(QStringLiteral("| Key | Corpus | Meaning |"));
    QVERIFY2(start >= 0, "sandbox/SECURITY.md has no header key table");
    const QString table = text.mid(start, text.indexOf(QStringLiteral("\n\n"), start) - start);
    QSet<QString> documented;
    static const QRegularExpression row(QStringLiteral("^\\| `([\\w-]+)` \\|"), QRegularExpression::MultilineOption);
    for (auto it = row.globalMatch(table); it.hasNext();)
        documented.insert(it.next().captured(1).toLower());
    QVERIFY(!read.isEmpty());
    QCOMPARE(documented, read);
}

QTEST_GUILESS_MAIN(tst_HostGuide)
#include "tst_hostguide.moc"
