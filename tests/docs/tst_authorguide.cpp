// plugins/README.md, the plugin author guide, kept honest: every fenced code block in it is
// run or checked here, in the order of the guide, one data row per block, and a block without
// an annotation this test knows fails — so the guide cannot drift from the product.
//
// Annotations (the words after the block's language on its opening fence):
//   file=PATH [append]     write (or append) the block to PATH in the tutorial folder
//   compare=PATH           the tutorial folder's PATH holds exactly the block (what a command wrote)
//   sh run [exit=N]        run the block with /bin/sh -e in the tutorial folder, `objcap` being
//                          the built one and the registry a scratch one; exit code N (default 0)
//   pycon console=DIR [grant=G]...
//                          feed the `>>> ` lines to `objcap console DIR --grant G...` in the
//                          tutorial folder; the other lines are the expected output
//   python exec [grant=G]... [timeout=S] [memory=M] [exit=N]
//                          run the block as example.py with `objcap exec` in a fresh folder that
//                          holds an empty data/
//   python desktop [console]
//                          code for the desktop host (ctx.document, ctx.ui, ctx.permissions):
//                          compiled in a sandbox, and every ctx.CAPABILITY.METHOD it names must
//                          be in resources/stubs/objcap.pyi (which tst_stubs checks against the
//                          real capabilities); with `console`, also entered line by line into the
//                          tutorial plugin's dev console by tutorialPluginInTheDesktopHost()
//   toml manifest [exit=N] `objcap validate` a plugin folder with this plugin.toml
//   text allowlist         exactly the allowed imports of resources/sandbox-policy.toml
//   text output            the output (stdout and stderr) of the block before it, which must
//                          be runnable; a line "..." matches any lines, "..." in a line any text
//
// Then tutorialPluginInTheDesktopHost() runs the plugin the tutorial built in objcap-host's own
// machinery (UiHost in an offscreen window, PluginInstance, the real ui capability): its command,
// its panel, its events and the dev console entries the guide shows.
#include <panelwidget.h>
#include <plugininstance.h>
#include <uihost.h>

#include <objcap/filecapabilities.h>
#include <objcap/logcapability.h>
#include <objcap/runtime.h>
#include <objcap/storagecapability.h>
#include <objcap/timerscapability.h>

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

namespace {

struct Block {
    int line = 0;          // of the opening fence, 1-based
    QString language;
    QStringList words;     // the annotation
    QString text;          // without the fences; ends with a newline unless empty
    std::optional<QString> output;  // the `text output` block that follows
};

QString word(const QStringList &words, const QString &key, const QString &fallback = {})
{
    for (const QString &w : words) {
        if (w.startsWith(key + u'='))
            return w.mid(key.size() + 1);
    }
    return fallback;
}

QStringList all(const QStringList &words, const QString &key)
{
    QStringList out;
    for (const QString &w : words) {
        if (w.startsWith(key + u'='))
            out << w.mid(key.size() + 1);
    }
    return out;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool writeText(const QString &path, const QString &text, bool append = false)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(append ? QIODevice::Append : QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(text.toUtf8()) == text.toUtf8().size();
}

// Lines without trailing blanks, no trailing empty lines, each ending with '\n'.
QString normalized(const QString &text)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines) {
        while (!line.isEmpty() && line.back().isSpace())
            line.chop(1);
    }
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines.isEmpty() ? QString() : lines.join(u'\n') + u'\n';
}

bool matches(const QString &expected, const QString &actual)
{
    QString pattern = QStringLiteral("\\A");
    for (const QString &line : normalized(expected).split(u'\n', Qt::SkipEmptyParts)) {
        if (line == QLatin1String("..."))
            pattern += QStringLiteral("(?:.*\\n)*?");
        else
            pattern += QRegularExpression::escape(line).replace(QStringLiteral("\\.\\.\\."), QStringLiteral(".*?")) +
                       QStringLiteral("\\n");
    }
    pattern += QStringLiteral("\\z");
    return QRegularExpression(pattern).match(normalized(actual)).hasMatch();
}

// Blank lines inside an expected output must match too: split(SkipEmptyParts) above drops them,
// so an expected output with blank lines is compared literally instead.
bool outputMatches(const QString &expected, const QString &actual)
{
    if (normalized(expected).contains(QLatin1String("\n\n")))
        return normalized(expected) == normalized(actual);
    return matches(expected, actual);
}

struct Run {
    int exitCode = -1;
    QString output;
};

} // namespace

class tst_AuthorGuide : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyBlockIsChecked_data();
    void everyBlockIsChecked();
    void linksResolve();
    void tutorialPluginInTheDesktopHost();

private:
    Run objcap(const QStringList &arguments, const QString &folder, const QByteArray &input = {});
    Run shell(const QString &script);
    std::optional<QString> check(const Block &block);
    std::optional<QString> checkDesktop(const Block &block);

    std::vector<Block> m_blocks;
    QTemporaryDir m_dir;  // tutorial/, xdg/, home/, and a folder per example
    std::map<QString, std::set<QString>> m_stubs;  // class -> members, from objcap.pyi
};

void tst_AuthorGuide::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("tutorial")));
    const QString guide = readText(QStringLiteral(OBJCAP_SOURCE_DIR "/plugins/README.md"));
    QVERIFY(!guide.isEmpty());
    static const QRegularExpression open(QStringLiteral("^```(\\S*)\\s*(.*)$"));
    const QStringList lines = guide.split(u'\n');
    std::optional<Block> current;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        if (current) {
            if (line.trimmed() == QLatin1String("```")) {
                if (current->language == QLatin1String("text") && current->words == QStringList{QStringLiteral("output")}) {
                    QVERIFY2(!m_blocks.empty() && !m_blocks.back().output,
                             qPrintable(QStringLiteral("line %1: a text output block must follow a runnable block")
                                            .arg(current->line)));
                    m_blocks.back().output = current->text;
                } else {
                    m_blocks.push_back(*current);
                }
                current.reset();
            } else {
                current->text += line + u'\n';
            }
        } else if (auto m = open.match(line); m.hasMatch()) {
            current = Block{i + 1, m.captured(1), m.captured(2).split(u' ', Qt::SkipEmptyParts), {}, {}};
        }
    }
    QVERIFY2(!current, "the guide ends inside a code block");
    QVERIFY(m_blocks.size() > 10);

    QString klass;
    static const QRegularExpression stubClass(QStringLiteral("^class (\\w+)"));
    static const QRegularExpression stubMember(QStringLiteral("^    (?:def (\\w+)\\(|(\\w+): )"));
    for (const QString &line : readText(QStringLiteral(OBJCAP_SOURCE_DIR "/resources/stubs/objcap.pyi")).split(u'\n')) {
        if (auto m = stubClass.match(line); m.hasMatch())
            klass = m.captured(1);
        else if (auto m = stubMember.match(line); m.hasMatch() && !klass.isEmpty())
            m_stubs[klass].insert(m.captured(1).isEmpty() ? m.captured(2) : m.captured(1));
    }
    QVERIFY(m_stubs.count(QStringLiteral("Context")));
}

void tst_AuthorGuide::everyBlockIsChecked_data()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < m_blocks.size(); ++i) {
        const Block &b = m_blocks[i];
        QTest::newRow(qPrintable(QStringLiteral("line %1: %2 %3").arg(b.line).arg(b.language, b.words.join(u' '))))
            << static_cast<int>(i);
    }
}

// The rows run in order and share the tutorial folder, as a reader following the guide would.
void tst_AuthorGuide::everyBlockIsChecked()
{
    QFETCH(int, index);
    const Block &block = m_blocks[static_cast<std::size_t>(index)];
    const std::optional<QString> problem = check(block);
    QVERIFY2(!problem, qPrintable(QStringLiteral("plugins/README.md line %1: %2").arg(block.line).arg(problem.value_or(QString()))));
}

Run tst_AuthorGuide::objcap(const QStringList &arguments, const QString &folder, const QByteArray &input)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), QStringLiteral(OBJCAP_BIN_DIR ":") + env.value(QStringLiteral("PATH")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg")));
    env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(folder);
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (arguments.first() == QLatin1String("/bin/sh"))
        process.start(arguments.first(), arguments.mid(1));
    else
        process.start(QStringLiteral(OBJCAP_BIN_DIR "/objcap"), arguments);
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return {-1, QString::fromUtf8(process.readAll()) + QStringLiteral("\n(timed out)")};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, QString::fromUtf8(process.readAll())};
}

Run tst_AuthorGuide::shell(const QString &script)
{
    return objcap({QStringLiteral("/bin/sh"), QStringLiteral("-e"), QStringLiteral("-c"), script},
                  m_dir.filePath(QStringLiteral("tutorial")));
}

std::optional<QString> tst_AuthorGuide::check(const Block &block)
{
    const QStringList &w = block.words;
    const QString tutorial = m_dir.filePath(QStringLiteral("tutorial"));
    const int expectedExit = word(w, QStringLiteral("exit"), QStringLiteral("0")).toInt();
    Run run;
    bool ran = true;

    if (const QString path = word(w, QStringLiteral("file")); !path.isEmpty()) {
        if (!writeText(QDir(tutorial).filePath(path), block.text, w.contains(QStringLiteral("append"))))
            return QStringLiteral("cannot write %1").arg(path);
        ran = false;
    } else if (const QString path = word(w, QStringLiteral("compare")); !path.isEmpty()) {
        const QString actual = readText(QDir(tutorial).filePath(path));
        if (actual != block.text)
            return QStringLiteral("%1 holds\n%2\nnot what the guide shows").arg(path, actual);
        ran = false;
    } else if (block.language == QLatin1String("sh") && w.contains(QStringLiteral("run"))) {
        run = shell(block.text);
    } else if (block.language == QLatin1String("pycon") && !word(w, QStringLiteral("console")).isEmpty()) {
        QStringList arguments{QStringLiteral("console"), word(w, QStringLiteral("console"))};
        for (const QString &grant : all(w, QStringLiteral("grant")))
            arguments << QStringLiteral("--grant") << grant;
        QString input, expected;
        for (const QString &line : block.text.split(u'\n', Qt::SkipEmptyParts)) {
            if (line.startsWith(QLatin1String(">>> ")) || line.startsWith(QLatin1String("... ")))
                input += line.mid(4) + u'\n';
            else
                expected += line + u'\n';
        }
        run = objcap(arguments, tutorial, input.toUtf8());
        if (block.output)
            return QStringLiteral("a console transcript holds its own output");
        if (run.exitCode != expectedExit || !outputMatches(expected, run.output))
            return QStringLiteral("objcap console exited with %1 and printed\n%2").arg(run.exitCode).arg(run.output);
        return std::nullopt;
    } else if (block.language == QLatin1String("python") && w.contains(QStringLiteral("exec"))) {
        QTemporaryDir folder(m_dir.filePath(QStringLiteral("example-XXXXXX")));
        if (!QDir(folder.path()).mkpath(QStringLiteral("data")) || !writeText(folder.filePath(QStringLiteral("example.py")), block.text))
            return QStringLiteral("cannot lay out the example's folder");
        QStringList arguments{QStringLiteral("exec")};
        if (const QString s = word(w, QStringLiteral("timeout")); !s.isEmpty())
            arguments << QStringLiteral("--timeout") << s;
        if (const QString m = word(w, QStringLiteral("memory")); !m.isEmpty())
            arguments << QStringLiteral("--memory") << m;
        for (const QString &grant : all(w, QStringLiteral("grant")))
            arguments << QStringLiteral("--grant") << grant;
        arguments << QStringLiteral("example.py");
        run = objcap(arguments, folder.path());
    } else if (block.language == QLatin1String("python") && !w.isEmpty() && w.first() == QLatin1String("desktop") &&
               (w.size() == 1 || w == QStringList{QStringLiteral("desktop"), QStringLiteral("console")})) {
        return checkDesktop(block);
    } else if (block.language == QLatin1String("toml") && w.contains(QStringLiteral("manifest"))) {
        QTemporaryDir folder(m_dir.filePath(QStringLiteral("manifest-XXXXXX")));
        if (!writeText(folder.filePath(QStringLiteral("plugin.toml")), block.text) ||
            !writeText(folder.filePath(QStringLiteral("main.py")), QStringLiteral("def activate(ctx):\n    pass\n")))
            return QStringLiteral("cannot lay out the manifest's folder");
        run = objcap({QStringLiteral("validate"), folder.path()}, folder.path());
    } else if (block.language == QLatin1String("text") && w == QStringList{QStringLiteral("allowlist")}) {
        const QString policy = readText(QStringLiteral(OBJCAP_SOURCE_DIR "/resources/sandbox-policy.toml"));
        static const QRegularExpression allow(QStringLiteral("\\nallow = \\[([^\\]]*)\\]"));
        static const QRegularExpression quoted(QStringLiteral("\"([^\"]+)\""));
        QStringList allowed;
        for (auto it = quoted.globalMatch(allow.match(policy).captured(1)); it.hasNext();)
            allowed << it.next().captured(1);
        const QStringList shown = block.text.simplified().split(u' ', Qt::SkipEmptyParts);
        if (allowed.isEmpty() || shown != allowed)
            return QStringLiteral("the policy allows, in this order:\n%1").arg(allowed.join(u' '));
        return std::nullopt;
    } else {
        return QStringLiteral("a ```%1 %2 block that this test does not know how to check (see the annotations "
                              "at the top of tests/docs/tst_authorguide.cpp)")
            .arg(block.language, w.join(u' '));
    }

    if (!ran) {
        if (block.output)
            return QStringLiteral("a file block has no output");
        return std::nullopt;
    }
    if (run.exitCode != expectedExit)
        return QStringLiteral("exit code %1, expected %2; output:\n%3").arg(run.exitCode).arg(expectedExit).arg(run.output);
    if (block.output && !outputMatches(*block.output, run.output))
        return QStringLiteral("the output was\n%1").arg(run.output);
    return std::nullopt;
}

// Desktop-host code cannot run here: it must compile (in a sandbox, with the sandbox's own
// compile()), and the capability methods it calls must exist, by the stubs.
std::optional<QString> tst_AuthorGuide::checkDesktop(const Block &block)
{
    if (block.output)
        return QStringLiteral("desktop-only code has no output to check");
    QTemporaryDir folder(m_dir.filePath(QStringLiteral("desktop-XXXXXX")));
    if (!QDir(folder.path()).mkpath(QStringLiteral("data")) || !writeText(folder.filePath(QStringLiteral("data/block.py")), block.text) ||
        !writeText(folder.filePath(QStringLiteral("check.py")),
                   QStringLiteral("compile(ctx.files.read_text('block.py'), 'block.py', 'exec')\n")))
        return QStringLiteral("cannot lay out the check's folder");
    const Run run = objcap({QStringLiteral("exec"), QStringLiteral("--grant"), QStringLiteral("files=data:ro"),
                            QStringLiteral("check.py")},
                           folder.path());
    if (run.exitCode != 0)
        return QStringLiteral("does not compile:\n%1").arg(run.output);
    // ctx.document.text(), ctx.ui.panel(...): the stub class is the Context attribute's type.
    static const QRegularExpression call(QStringLiteral("\\bctx\\.(\\w+)\\.(\\w+)"));
    static const std::map<QString, QString> classes{{QStringLiteral("document"), QStringLiteral("Document")},
                                                    {QStringLiteral("ui"), QStringLiteral("Ui")},
                                                    {QStringLiteral("permissions"), QStringLiteral("Permissions")},
                                                    {QStringLiteral("net"), QStringLiteral("Net")},
                                                    {QStringLiteral("files"), QStringLiteral("Files")},
                                                    {QStringLiteral("storage"), QStringLiteral("Storage")},
                                                    {QStringLiteral("log"), QStringLiteral("Log")},
                                                    {QStringLiteral("timers"), QStringLiteral("Timers")}};
    for (auto it = call.globalMatch(block.text); it.hasNext();) {
        const auto m = it.next();
        const auto klass = classes.find(m.captured(1));
        if (klass == classes.end() || !m_stubs[QStringLiteral("Context")].count(m.captured(1)))
            return QStringLiteral("ctx.%1 is not a capability of the stubs' Context").arg(m.captured(1));
        if (!m_stubs[klass->second].count(m.captured(2)))
            return QStringLiteral("ctx.%1.%2 is not in the stubs").arg(m.captured(1), m.captured(2));
    }
    return std::nullopt;
}

// Every [text](#anchor) names a heading (GitHub's slugs) and every relative link a file.
void tst_AuthorGuide::linksResolve()
{
    const QString guide = readText(QStringLiteral(OBJCAP_SOURCE_DIR "/plugins/README.md"));
    std::set<QString> anchors;
    bool fenced = false;
    for (const QString &line : guide.split(u'\n')) {
        fenced = line.startsWith(QLatin1String("```")) ? !fenced : fenced;
        if (fenced || !line.startsWith(u'#'))
            continue;
        QString slug = line.section(u' ', 1).toLower();
        slug.remove(QRegularExpression(QStringLiteral("[^a-z0-9 _-]")));
        anchors.insert(slug.replace(u' ', u'-'));
    }
    static const QRegularExpression link(QStringLiteral("\\]\\(([^)\\s]+)\\)"));
    int checked = 0;
    for (auto it = link.globalMatch(guide); it.hasNext(); ++checked) {
        const QString target = it.next().captured(1);
        if (target.startsWith(u'#'))
            QVERIFY2(anchors.count(target.mid(1)), qPrintable(target + QStringLiteral(" names no heading")));
        else if (!target.contains(QLatin1String("://")))
            QVERIFY2(QFile::exists(QStringLiteral(OBJCAP_SOURCE_DIR "/plugins/") + target), qPrintable(target));
    }
    QVERIFY(checked > 10);
}

// What step 6 and 7 of the tutorial do by hand in objcap-host, done here with its parts.
void tst_AuthorGuide::tutorialPluginInTheDesktopHost()
{
    using objcap::host::PluginInstance;
    const QString tutorial = m_dir.filePath(QStringLiteral("tutorial"));
    QVERIFY2(QFile::exists(tutorial + QStringLiteral("/todos/main.py")), "the tutorial's blocks did not run");
    auto runtime = objcap::Runtime::start();
    QVERIFY(runtime);
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("editor")));
    objcap::host::UiHost host(&window, window.menuBar()->addMenu(QStringLiteral("&Plugins")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const QString id = QStringLiteral("org.example.todos");
    auto files = objcap::makeDirectoryCapability({(tutorial + QStringLiteral("/notes")).toStdString(), true, std::nullopt});
    auto storage = objcap::makeStorageCapability(m_dir.filePath(QStringLiteral("desktop.sqlite")).toStdString());
    QVERIFY(files && storage);
    PluginInstance::Options options;
    options.folder = tutorial + QStringLiteral("/todos");
    options.enabled = true;
    options.grants = {{"ui", host.capabilityFor(id, QStringLiteral("TODO Finder"), [] {})},
                      {"files", files.value()},
                      {"storage", storage.value()},
                      {"log", objcap::makeLogCapability({})},
                      {"timers", objcap::makeTimersCapability()}};
    auto plugin = std::make_unique<PluginInstance>(*runtime.value(), std::move(options));
    plugin->start();
    QTRY_COMPARE_WITH_TIMEOUT(plugin->state(), PluginInstance::State::Running, 60000);

    // The "Show TODOs" command, with its shortcut, opens the panel.
    QTRY_COMPARE(host.commandActions().size(), 1);
    QAction *command = host.commandActions().first();
    QCOMPARE(command->text(), QStringLiteral("Show TODOs"));
    QCOMPARE(command->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_T));
    command->trigger();
    QTRY_VERIFY(host.panelFor(id));
    objcap::host::PanelWidget *panel = host.panelFor(id);
    auto *notes = qobject_cast<QListWidget *>(panel->item(QStringLiteral("notes")));
    auto *summary = qobject_cast<QLabel *>(panel->item(QStringLiteral("summary")));
    auto *rescan = qobject_cast<QPushButton *>(panel->item(QStringLiteral("rescan")));
    QVERIFY(notes && summary && rescan);
    QTRY_COMPARE(notes->count(), 3);
    QCOMPARE(notes->item(0)->text(), QStringLiteral("drafts/tool.py:2: FIXME does nothing"));
    QCOMPARE(summary->text(), QStringLiteral("3 notes in 2 files"));

    // "Rescan now" finds a new note; activating a note shows it.
    QVERIFY(writeText(tutorial + QStringLiteral("/notes/today.md"), QStringLiteral("TODO: from the desktop\n"), true));
    QTest::mouseClick(rescan, Qt::LeftButton);
    QTRY_COMPARE(notes->count(), 4);
    QCOMPARE(summary->text(), QStringLiteral("4 notes in 2 files"));
    emit notes->itemActivated(notes->item(3));
    QTRY_VERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("today.md:4: TODO from the desktop")));

    // The dev console entries of step 7, in the running plugin's __main__.
    int entries = 0;
    for (const Block &block : m_blocks) {
        if (block.language != QLatin1String("python") || !block.words.contains(QStringLiteral("console")))
            continue;
        for (const QString &line : block.text.split(u'\n', Qt::SkipEmptyParts)) {
            auto done = plugin->interact(line);
            QVERIFY(QTest::qWaitFor([&] { return done.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }, 60000));
            QVERIFY2(done.get() && done.get().value(), qPrintable(line));
            ++entries;
        }
    }
    QVERIFY(entries > 0);
    QTRY_COMPARE(qobject_cast<QLabel *>(host.panelFor(id)->item(QStringLiteral("summary")))->text(),
                 QStringLiteral("poked from the console"));
    QCOMPARE(plugin->state(), PluginInstance::State::Running);
}

QTEST_MAIN(tst_AuthorGuide)
#include "tst_authorguide.moc"
