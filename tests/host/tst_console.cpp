// The dev console on a running plugin: entries run in the plugin's own sandbox and show their
// value, multi-line blocks continue with "... ", tracebacks carry the plugin's source lines,
// refusals show as errors, history and completion, and a runaway entry ends at the budget
// while the GUI keeps running. Each test function runs in a process of its own.
#include "../sandbox/sandboxtesting.h"

#include <consoledock.h>
#include <consoleinput.h>
#include <consolewidget.h>
#include <pythonhighlighter.h>
#include <objcap/logcapability.h>
#include <plugininstance.h>

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTimer>

using objcap::host::ConsoleDock;
using objcap::host::ConsoleInput;
using objcap::host::ConsoleWidget;
using objcap::host::PluginInstance;
using State = PluginInstance::State;

class tst_Console : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void expressionShowsItsValue();
    void multiLineBlockContinues();
    void tracebackShowsSourceLines();
    void refusedImportIsReported();
    void historyRecallsAndPersists();
    void completionOffersNamespaceNames();
    void completionOffersCapabilityMethods();
    void runawayEntryEndsAtTheBudget();
    void inputFollowsThePluginState();
    void reloadOnChangeRunsTheNewCode();
    void controlKeysDiscardAndClear();
    void highlighterColoursPython();

private:
    QString plugin(const QByteArray &main);
    // A running plugin with a console on it, shown.
    void open(const QByteArray &main);
    // Types `text` (keyClicks) and presses Enter.
    void enter(const QString &text);
    // Enters a complete entry and waits for it to finish; its success.
    bool run(const QString &text);

    std::unique_ptr<objcap::Runtime> m_runtime;
    QTemporaryDir m_dir;
    std::unique_ptr<PluginInstance> m_instance;
    std::unique_ptr<ConsoleDock> m_dock;
    ConsoleWidget *m_console = nullptr;
};

void tst_Console::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // History goes to QSettings: keep it in this test's directory.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("objcap-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_console"));
    m_runtime = testing::startRuntime();
    QVERIFY(m_runtime);
}

QString tst_Console::plugin(const QByteArray &main)
{
    const QString folder = m_dir.filePath(QStringLiteral("plugin"));
    QDir().mkpath(folder);
    QFile manifest(folder + QStringLiteral("/plugin.toml"));
    if (!manifest.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write the manifest");
    manifest.write("[plugin]\nid = \"org.example.console\"\nname = \"Console test\"\nversion = \"1.0.0\"\n"
                   "entry = \"main.py\"\n[capabilities.log]\nreason = \"Logs\"\n");
    manifest.close();
    QFile entry(folder + QStringLiteral("/main.py"));
    if (!entry.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write main.py");
    entry.write(main);
    entry.close();
    return folder;
}

void tst_Console::open(const QByteArray &main)
{
    PluginInstance::Options options;
    options.folder = plugin(main);
    options.enabled = true;
    options.timeLimit = std::chrono::milliseconds(1000);
    options.grants.push_back({"log", objcap::makeLogCapability([](objcap::LogLevel, std::string_view) {})});
    m_instance = std::make_unique<PluginInstance>(*m_runtime, std::move(options));
    m_instance->start();
    (void)QTest::qWaitFor([&] { return m_instance->state() == State::Running || m_instance->state() == State::Failed; }, 60000);
    QVERIFY2(m_instance->state() == State::Running, qPrintable(m_instance->error()));
    m_dock = std::make_unique<ConsoleDock>(
        m_instance.get(), ConsoleWidget::Plugin{QStringLiteral("org.example.console"), QStringLiteral("Console test"),
                                                m_dir.filePath(QStringLiteral("plugin"))});
    m_console = m_dock->console();
    QCOMPARE(m_dock->windowTitle(), QStringLiteral("Console — Console test"));
    m_dock->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dock.get()));
    QVERIFY(m_console->input()->isEnabled());
}

void tst_Console::enter(const QString &text)
{
    QTest::keyClicks(m_console->input(), text);
    QTest::keyClick(m_console->input(), Qt::Key_Return);
}

bool tst_Console::run(const QString &text)
{
    QSignalSpy finished(m_console, &ConsoleWidget::entryFinished);
    enter(text);
    if (!QTest::qWaitFor([&] { return finished.size() == 1; }, 60000))
        return false;
    return finished.first().first().toBool();
}

void tst_Console::expressionShowsItsValue()
{
    open("def activate(ctx):\n    pass\n");
    QVERIFY(run(QStringLiteral("1 + 1")));
    QTRY_VERIFY2(m_console->outputText().contains(QStringLiteral(">>> 1 + 1\n2\n")), qPrintable(m_console->outputText()));
    QVERIFY(m_console->input()->toPlainText().isEmpty());
    QCOMPARE(m_console->prompt(), QStringLiteral(">>> "));
    // print goes through the plugin's own output
    QVERIFY(run(QStringLiteral("print('hello', 'there')")));
    QTRY_VERIFY2(m_console->outputText().contains(QStringLiteral("\nhello there\n")), qPrintable(m_console->outputText()));
}

void tst_Console::multiLineBlockContinues()
{
    open("def activate(ctx):\n    pass\n");
    ConsoleInput *input = m_console->input();
    enter(QStringLiteral("def f():"));
    QTRY_COMPARE(m_console->prompt(), QStringLiteral("... "));
    QCOMPARE(input->toPlainText(), QStringLiteral("    "));  // indented after a colon
    enter(QStringLiteral("return 3"));
    QTRY_COMPARE(input->toPlainText(), QStringLiteral("    "));  // as the line before
    QCOMPARE(m_console->prompt(), QStringLiteral("... "));
    QVERIFY(run(QString()));  // an empty line ends the block
    QCOMPARE(m_console->prompt(), QStringLiteral(">>> "));
    QVERIFY(run(QStringLiteral("f()")));
    QTRY_VERIFY2(m_console->outputText().contains(QStringLiteral(">>> def f():\n...     return 3\n... \n>>> f()\n3\n")),
                 qPrintable(m_console->outputText()));
    // Shift+Enter: several lines in one go
    QTest::keyClicks(input, QStringLiteral("for i in range(2):"));
    QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(input, QStringLiteral("    print('line', i)"));
    QCOMPARE(input->toPlainText(), QStringLiteral("for i in range(2):\n    print('line', i)"));
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_COMPARE(m_console->prompt(), QStringLiteral("... "));
    input->clear();
    QVERIFY(run(QString()));
    QTRY_VERIFY2(m_console->outputText().contains(QStringLiteral("line 0\nline 1\n")), qPrintable(m_console->outputText()));
}

void tst_Console::tracebackShowsSourceLines()
{
    open("def activate(ctx):\n    pass\n\ndef explode(what):\n    raise ValueError('boom: ' + what)\n");
    QVERIFY(!run(QStringLiteral("explode('now')")));
    const QString out = m_console->outputText();
    QVERIFY2(out.contains(QStringLiteral("Traceback (most recent call last):")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("org.example.console/main.py\", line 5, in explode\n"
                                         "    raise ValueError('boom: ' + what)\n")),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("ValueError: boom: now")), qPrintable(out));
    QCOMPARE(m_instance->state(), State::Running);  // an entry's exception is the entry's
    QVERIFY(run(QStringLiteral("2 * 21")));
    QTRY_VERIFY(m_console->outputText().endsWith(QStringLiteral("\n42\n")));
}

void tst_Console::refusedImportIsReported()
{
    open("def activate(ctx):\n    pass\n");
    QVERIFY(!run(QStringLiteral("import os")));
    const QString out = m_console->outputText();
    QVERIFY2(out.contains(QStringLiteral("ImportError: import of 'os' is not allowed in a sandbox")), qPrintable(out));
    QVERIFY(!run(QStringLiteral("os")));  // nothing was imported
    QVERIFY2(m_console->outputText().contains(QStringLiteral("NameError: name 'os' is not defined")),
             qPrintable(m_console->outputText()));
    QCOMPARE(m_instance->state(), State::Running);
}

void tst_Console::historyRecallsAndPersists()
{
    open("def activate(ctx):\n    pass\n");
    ConsoleInput *input = m_console->input();
    QVERIFY(run(QStringLiteral("a = 1")));
    QVERIFY(run(QStringLiteral("a + 41")));
    QTest::keyClicks(input, QStringLiteral("draft"));
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(input->toPlainText(), QStringLiteral("a + 41"));
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(input->toPlainText(), QStringLiteral("a = 1"));
    QTest::keyClick(input, Qt::Key_Up);  // the oldest stays
    QCOMPARE(input->toPlainText(), QStringLiteral("a = 1"));
    QTest::keyClick(input, Qt::Key_Down);
    QTest::keyClick(input, Qt::Key_Down);
    QCOMPARE(input->toPlainText(), QStringLiteral("draft"));
    input->clear();
    QTest::keyClick(input, Qt::Key_Up);
    QVERIFY(run(QString()));  // the recalled entry runs again
    QTRY_VERIFY(m_console->outputText().endsWith(QStringLiteral(">>> a + 41\n42\n")));
    QCOMPARE(m_console->history(), (QStringList{QStringLiteral("a = 1"), QStringLiteral("a + 41")}));
    // kept per plugin, for the next console on it
    ConsoleWidget again(m_instance.get(), m_console->plugin());
    QCOMPARE(again.history(), m_console->history());
    ConsoleWidget other(m_instance.get(), {QStringLiteral("org.example.other"), QStringLiteral("Other"), QString()});
    QVERIFY(other.history().isEmpty());
}

void tst_Console::completionOffersNamespaceNames()
{
    open("def activate(ctx):\n    pass\n");
    ConsoleInput *input = m_console->input();
    QVERIFY(run(QStringLiteral("answer_value = 42")));
    QVERIFY(run(QStringLiteral("answer_other = 1")));
    QSignalSpy offered(m_console, &ConsoleWidget::completionsOffered);
    QTest::keyClicks(input, QStringLiteral("print(answer_v"));
    QTest::keyClick(input, Qt::Key_Tab);
    QTRY_COMPARE(offered.size(), 1);
    QCOMPARE(m_console->lastCompletions(), QStringList{QStringLiteral("answer_value")});
    QCOMPARE(input->toPlainText(), QStringLiteral("print(answer_value"));  // the one name, inserted
    input->clear();
    QTest::keyClicks(input, QStringLiteral("ans"));
    QTest::keyClick(input, Qt::Key_Tab);
    QTRY_COMPARE(offered.size(), 2);
    QCOMPARE(m_console->lastCompletions(), (QStringList{QStringLiteral("answer_other"), QStringLiteral("answer_value")}));
    QCOMPARE(input->toPlainText(), QStringLiteral("answer_"));  // their common prefix
    QVERIFY(input->completionsVisible());
    QTest::keyClick(input, Qt::Key_Escape);
    input->clear();
    QTest::keyClicks(input, QStringLiteral("sor"));  // builtins too
    QTest::keyClick(input, Qt::Key_Tab);
    QTRY_COMPARE(offered.size(), 3);
    QCOMPARE(input->toPlainText(), QStringLiteral("sorted"));
    // Tab before any name indents
    input->clear();
    QTest::keyClick(input, Qt::Key_Tab);
    QCOMPARE(input->toPlainText(), QStringLiteral("    "));
    QCOMPARE(offered.size(), 3);
}

void tst_Console::completionOffersCapabilityMethods()
{
    open("def activate(ctx):\n    pass\n\nclass Thing:\n    def _private(self): pass\n    def visible(self): pass\n"
         "thing = Thing()\n");
    ConsoleInput *input = m_console->input();
    QSignalSpy offered(m_console, &ConsoleWidget::completionsOffered);
    QTest::keyClicks(input, QStringLiteral("ctx.lo"));
    QTest::keyClick(input, Qt::Key_Tab);
    QTRY_COMPARE(offered.size(), 1);
    QCOMPARE(input->toPlainText(), QStringLiteral("ctx.log"));
    QTest::keyClicks(input, QStringLiteral(".i"));
    QTest::keyClick(input, Qt::Key_Tab);
    QTRY_COMPARE(offered.size(), 2);
    QVERIFY2(m_console->lastCompletions().contains(QStringLiteral("info")), qPrintable(m_console->lastCompletions().join(u' ')));
    QCOMPARE(input->toPlainText(), QStringLiteral("ctx.log.info"));
    input->clear();
    QTest::keyClicks(input, QStringLiteral("thing."));
    QTest::keyClick(input, Qt::Key_Tab);
    QTRY_COMPARE(offered.size(), 3);
    QCOMPARE(m_console->lastCompletions(), QStringList{QStringLiteral("visible")});  // no _names unless asked
    // Only dotted names are ever evaluated: a call before the dot offers nothing.
    input->clear();
    QTest::keyClicks(input, QStringLiteral("print('x').vis"));
    QTest::keyClick(input, Qt::Key_Tab);
    QTest::qWait(100);
    QCOMPARE(offered.size(), 3);
    QVERIFY(!m_console->outputText().contains(QStringLiteral("x")));
}

void tst_Console::runawayEntryEndsAtTheBudget()
{
    open("def activate(ctx):\n    pass\n");
    int ticks = 0;
    QTimer timer;
    connect(&timer, &QTimer::timeout, this, [&] {
        if (m_console->busy())
            ++ticks;
    });
    timer.start(5);
    QSignalSpy finished(m_console, &ConsoleWidget::entryFinished);
    enter(QStringLiteral("while True: pass"));
    QTRY_COMPARE(m_console->prompt(), QStringLiteral("... "));
    enter(QString());
    QVERIFY(m_console->busy());  // Enter returned while the entry runs
    QVERIFY(QTest::qWaitFor([&] { return finished.size() == 1; }, 60000));
    QVERIFY(!finished.first().first().toBool());
    QVERIFY2(ticks > 0, "the GUI thread's timer did not fire while the entry ran");
    QVERIFY2(m_console->outputText().contains(QStringLiteral("LimitExceeded")), qPrintable(m_console->outputText()));
    QCOMPARE(m_instance->state(), State::Running);
    QVERIFY(run(QStringLiteral("'still here'")));
    QTRY_VERIFY(m_console->outputText().endsWith(QStringLiteral("'still here'\n")));
}

void tst_Console::inputFollowsThePluginState()
{
    open("def activate(ctx):\n    pass\n");
    m_instance->stop();
    QVERIFY(QTest::qWaitFor([&] { return m_instance->state() == State::Stopped; }, 60000));
    QVERIFY(!m_console->input()->isEnabled());
    QVERIFY(m_console->outputText().contains(QStringLiteral("— Stopped —")));
    m_console->reload();  // the Reload button
    QVERIFY(QTest::qWaitFor([&] { return m_instance->state() == State::Running; }, 60000));
    QVERIFY(m_console->input()->isEnabled());
    QVERIFY(run(QStringLiteral("3 * 3")));
    QTRY_VERIFY(m_console->outputText().endsWith(QStringLiteral("\n9\n")));
    // the console outlives its plugin
    m_instance.reset();
    QVERIFY(!m_console->input()->isEnabled());
    m_console->submit();
}

void tst_Console::reloadOnChangeRunsTheNewCode()
{
    open("def activate(ctx):\n    pass\nversion = 1\n");
    m_console->setReloadOnChange(true);
    QVERIFY(m_console->reloadOnChange());
    int loads = 0;
    connect(m_instance.get(), &PluginInstance::stateChanged, this, [&](State state) { loads += state == State::Loading; });
    plugin("def activate(ctx):\n    pass\nversion = 'two'\n");  // another size: a change whatever the clock says
    QVERIFY(QTest::qWaitFor([&] { return loads == 1 && m_instance->state() == State::Running; }, 60000));
    QVERIFY(run(QStringLiteral("version")));
    QTRY_VERIFY2(m_console->outputText().endsWith(QStringLiteral(">>> version\n'two'\n")), qPrintable(m_console->outputText()));
    QCOMPARE(loads, 1);  // one reload for one save
}

void tst_Console::controlKeysDiscardAndClear()
{
    open("def activate(ctx):\n    pass\n");
    ConsoleInput *input = m_console->input();
    enter(QStringLiteral("def g():"));
    QTRY_COMPARE(m_console->prompt(), QStringLiteral("... "));
    QTest::keyClick(input, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(m_console->prompt(), QStringLiteral(">>> "));
    QVERIFY(input->toPlainText().isEmpty());
    QVERIFY2(m_console->outputText().endsWith(QStringLiteral("KeyboardInterrupt\n")), qPrintable(m_console->outputText()));
    QVERIFY(!run(QStringLiteral("g")));  // never defined
    QVERIFY(m_console->outputText().contains(QStringLiteral("NameError: name 'g' is not defined")));
    QTest::keyClick(input, Qt::Key_L, Qt::ControlModifier);
    QVERIFY(m_console->outputText().isEmpty());
    QVERIFY(run(QStringLiteral("1")));
    QTRY_COMPARE(m_console->outputText(), QStringLiteral(">>> 1\n1\n"));
}

// Which colour the highlighter gave the character at `column` of line `line`; invalid if none.
static QColor colourAt(QTextDocument &document, int line, int column)
{
    const QTextBlock block = document.findBlockByNumber(line);
    for (const QTextLayout::FormatRange &range : block.layout()->formats())
        if (column >= range.start && column < range.start + range.length)
            return range.format.foreground().color();
    return {};
}

void tst_Console::highlighterColoursPython()
{
    QTextDocument document;
    auto *highlighter = new objcap::host::PythonHighlighter(&document);
    document.setPlainText(QStringLiteral("@decorator\n"
                                         "def f(x):  # 'not a string'\n"
                                         "    s = '''first # not a comment\n"
                                         "still a string'''; return len(s) + 0x1F\n"
                                         "text.print"));
    highlighter->rehighlight();  // it would on the next event loop turn
    const QColor keyword = colourAt(document, 1, 0), comment = colourAt(document, 1, 12);
    const QColor string = colourAt(document, 2, 8), builtin = colourAt(document, 3, 26);
    QVERIFY(keyword.isValid() && comment.isValid() && string.isValid() && builtin.isValid());
    QVERIFY(keyword != comment && keyword != string && keyword != builtin && string != comment);
    QCOMPARE(colourAt(document, 1, 2), keyword);   // def
    QVERIFY(colourAt(document, 1, 4).isValid());    // f: the defined name
    QVERIFY(colourAt(document, 1, 4) != keyword);
    QCOMPARE(colourAt(document, 1, 20), comment);   // the quote inside the comment
    QCOMPARE(colourAt(document, 2, 20), string);    // '#' inside the string
    QCOMPARE(colourAt(document, 3, 3), string);     // the next line, still in it
    QCOMPARE(colourAt(document, 3, 20), keyword);   // return, after the string ends
    QVERIFY(colourAt(document, 3, 36).isValid());   // 0x1F
    QVERIFY(colourAt(document, 0, 3).isValid());    // @decorator
    QVERIFY(!colourAt(document, 4, 6).isValid());   // .print is an attribute, not the builtin
    QVERIFY(!colourAt(document, 2, 4).isValid());   // s: a plain name

    // Code-blocks-only: only blocks marked with a prompt, after the prompt.
    QTextDocument output;
    auto *outputHighlighter = new objcap::host::PythonHighlighter(&output, /*codeBlocksOnly=*/true);
    QTextCursor cursor(&output);
    cursor.insertText(QStringLiteral("def printed output"));
    QTextBlockFormat code;
    code.setProperty(objcap::host::PythonHighlighter::PromptProperty, 4);
    cursor.insertBlock(code);
    cursor.insertText(QStringLiteral(">>> def g(): pass"));
    outputHighlighter->rehighlight();
    QVERIFY(!colourAt(output, 0, 0).isValid());
    QVERIFY(!colourAt(output, 1, 0).isValid());
    QCOMPARE(colourAt(output, 1, 4), keyword);
}

QTEST_MAIN(tst_Console)
#include "tst_console.moc"
