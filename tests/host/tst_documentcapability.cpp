// The editor and its `document` capability: files (open/save/recent, errors as values), and a
// real plugin (PluginInstance, its own thread) reading the text and selection, editing it (one
// undo step per edit), hearing about changes, and never blocking or deadlocking the GUI thread.
// Each test function runs in its own process.
#include "../sandbox/sandboxtesting.h"

#include <documentcapability.h>
#include <documenteditor.h>
#include <plugininstance.h>

#include <objcap/logcapability.h>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTimer>

#include <mutex>

using objcap::host::DocumentCapability;
using objcap::host::DocumentEditor;
using objcap::host::PluginInstance;
using State = PluginInstance::State;

namespace {

const QByteArray pluginCode = R"(import objcap

changes = 0

def activate(ctx):
    pass

def read():
    d = ctx.document
    return [d.text(), d.selection(), d.selection_range(), d.cursor(), repr(d)]

def edit():
    ctx.document.replace_selection("X")
    ctx.document.insert("!", 0)
    ctx.document.insert("?")
    return ctx.document.text()

def attempt(*args, **kwargs):
    try:
        ctx.document.insert(*args, **kwargs)
        return "ok"
    except Exception as e:
        return type(e).__name__ + ": " + str(e)

def huge():
    try:
        ctx.document.replace_selection("x" * (16 * 1024 * 1024 + 1))
        return "ok"
    except Exception as e:
        return type(e).__name__ + ": " + str(e)

def changed():
    global changes
    changes += 1
    ctx.log.info("changed %d" % len(ctx.document.text()))

def listen():
    ctx.document.on_change(changed)

def write_forever():
    busy = 0
    while True:
        try:
            ctx.document.insert("x\n", 0)
        except objcap.CapabilityError:
            busy += 1
)";

} // namespace

class tst_DocumentCapability : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void openSaveAndRecentFiles();
    void fileErrorsAreValues();
    void fileActionsHaveStandardShortcuts();
    void pluginReadsTextAndSelection();
    void pluginEditsAreAppliedAndUndoable();
    void invalidEditsAreRefused();
    void onChangeFiresAfterTyping();
    void guiRunsWhilePluginWritesAndDestroyingItDoesNotDeadlock();

private:
    void startPlugin(std::chrono::milliseconds timeLimit = std::chrono::milliseconds(5000));
    objcap::Result<objcap::Value> hook(const std::string &name, objcap::Value::List arguments = {});
    QString write(const QString &name, const QByteArray &content);

    std::unique_ptr<objcap::Runtime> m_runtime;
    QTemporaryDir m_dir;
    std::unique_ptr<DocumentEditor> m_editor;
    std::unique_ptr<PluginInstance> m_plugin;
    std::mutex m_mutex;
    QStringList m_log;
};

void tst_DocumentCapability::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Recent files go to a throwaway settings file, not the user's.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("objcap-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_documentcapability"));
    m_runtime = testing::startRuntime();
    QDir().mkpath(m_dir.filePath(QStringLiteral("plugin")));
    QFile manifest(m_dir.filePath(QStringLiteral("plugin/plugin.toml")));
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write("[plugin]\nid = \"org.example.doc\"\nname = \"Doc\"\nversion = \"1.0.0\"\nentry = \"main.py\"\n"
                   "[capabilities.document]\nreason = \"Edits\"\n[capabilities.log]\nreason = \"Logs\"\n");
    manifest.close();
    QFile entry(m_dir.filePath(QStringLiteral("plugin/main.py")));
    QVERIFY(entry.open(QIODevice::WriteOnly));
    entry.write(pluginCode);
}

void tst_DocumentCapability::init()
{
    m_editor = std::make_unique<DocumentEditor>();
    m_editor->clearRecentFiles();
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
}

void tst_DocumentCapability::cleanup()
{
    m_plugin.reset();
    m_editor.reset();
}

QString tst_DocumentCapability::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(content);
    return path;
}

void tst_DocumentCapability::startPlugin(std::chrono::milliseconds timeLimit)
{
    PluginInstance::Options options;
    options.folder = m_dir.filePath(QStringLiteral("plugin"));
    options.enabled = true;
    options.timeLimit = timeLimit;
    options.grants.push_back({"document", DocumentCapability::create(m_editor.get())});
    options.grants.push_back({"log", objcap::makeLogCapability([this](objcap::LogLevel, std::string_view message) {
                                  std::lock_guard lock(m_mutex);
                                  m_log << QString::fromUtf8(message.data(), static_cast<qsizetype>(message.size()));
                              })});
    m_plugin = std::make_unique<PluginInstance>(*m_runtime, std::move(options));
    m_plugin->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_plugin->state(), State::Running, 60000);
}

objcap::Result<objcap::Value> tst_DocumentCapability::hook(const std::string &name, objcap::Value::List arguments)
{
    auto answer = m_plugin->callHook(name, std::move(arguments));
    if (!QTest::qWaitFor([&] { return answer.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }, 60000))
        qFatal("hook %s did not answer", name.c_str());
    return answer.get();
}

void tst_DocumentCapability::openSaveAndRecentFiles()
{
    const QString first = write(QStringLiteral("first.txt"), "héllo\nworld\n");
    QVERIFY(m_editor->openFile(first).ok());
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("héllo\nworld\n"));
    QCOMPARE(m_editor->displayName(), QStringLiteral("first.txt"));
    QVERIFY(!m_editor->isModified());
    QTest::keyClicks(m_editor.get(), QStringLiteral("more "));
    QVERIFY(m_editor->isModified());

    const QString copy = m_dir.filePath(QStringLiteral("copy.txt"));
    QVERIFY(m_editor->saveTo(copy).ok());
    QVERIFY(!m_editor->isModified());
    QCOMPARE(m_editor->filePath(), copy);
    QFile saved(copy);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(saved.readAll()), QStringLiteral("more héllo\nworld\n"));
    QCOMPARE(m_editor->recentFiles(), (QStringList{copy, first}));

    QVERIFY(m_editor->openFile(first).ok());  // moves to the front, once
    QCOMPARE(m_editor->recentFiles(), (QStringList{first, copy}));
    for (int i = 0; i < 12; ++i)
        QVERIFY(m_editor->openFile(write(QStringLiteral("f%1.txt").arg(i), "x")).ok());
    QCOMPARE(m_editor->recentFiles().size(), DocumentEditor::maxRecentFiles);
    QCOMPARE(m_editor->recentFiles().first(), m_dir.filePath(QStringLiteral("f11.txt")));
    // The menu lists them (plus "Clear Recent Files"), and opens them.
    QMenu *menu = m_editor->recentFilesMenu();
    QCOMPARE(menu->actions().size(), DocumentEditor::maxRecentFiles + 2);
    menu->actions().at(3)->trigger();
    QCOMPARE(m_editor->filePath(), m_dir.filePath(QStringLiteral("f8.txt")));

    m_editor->newDocument();
    QVERIFY(m_editor->toPlainText().isEmpty());
    QVERIFY(m_editor->filePath().isEmpty());
    QCOMPARE(m_editor->displayName(), QStringLiteral("Untitled"));
}

void tst_DocumentCapability::fileErrorsAreValues()
{
    m_editor->setPlainText(QStringLiteral("kept"));
    auto missing = m_editor->openFile(m_dir.filePath(QStringLiteral("nothere.txt")));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, objcap::ErrorCode::Io);
    QVERIFY2(QString::fromStdString(missing.error().message).startsWith(QStringLiteral("Cannot open nothere.txt")),
             missing.error().message.c_str());
    auto binary = m_editor->openFile(write(QStringLiteral("binary.txt"), QByteArray("\xff\xfe\x00" "abc", 6)));
    QVERIFY(!binary);
    QCOMPARE(QString::fromStdString(binary.error().message), QStringLiteral("binary.txt is not UTF-8 text"));
    auto unwritable = m_editor->saveTo(m_dir.filePath(QStringLiteral("no/such/folder/x.txt")));
    QVERIFY(!unwritable);
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("kept"));  // nothing was replaced
    QVERIFY(m_editor->filePath().isEmpty());
    QVERIFY(m_editor->recentFiles().isEmpty());
}

void tst_DocumentCapability::fileActionsHaveStandardShortcuts()
{
    const QList<QAction *> actions = m_editor->fileActions();
    QCOMPARE(actions.size(), 4);
    QCOMPARE(actions.at(0)->shortcut(), QKeySequence(QKeySequence::New));
    QCOMPARE(actions.at(1)->shortcut(), QKeySequence(QKeySequence::Open));
    QCOMPARE(actions.at(2)->shortcut(), QKeySequence(QKeySequence::Save));
    QCOMPARE(actions.at(3)->shortcuts(), QKeySequence::keyBindings(QKeySequence::SaveAs));
}

void tst_DocumentCapability::pluginReadsTextAndSelection()
{
    QVERIFY(m_editor->openFile(write(QStringLiteral("notes.txt"), "a😀bc\ndef")).ok());
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(3);  // after "a😀" (UTF-16: a, two surrogates)
    cursor.setPosition(7, QTextCursor::KeepAnchor);
    m_editor->setTextCursor(cursor);
    startPlugin();
    auto read = hook("read");
    QVERIFY2(read, testing::describe(read));
    const auto &list = read->as<objcap::Value::List>();
    QCOMPARE(QString::fromStdString(list[0].as<std::string>()), QStringLiteral("a😀bc\ndef"));
    QCOMPARE(QString::fromStdString(list[1].as<std::string>()), QStringLiteral("bc\nd"));
    // Code points, like Python: text[2:6] == "bc\nd"
    QCOMPARE(list[2], objcap::Value(objcap::Value::List{objcap::Value(2), objcap::Value(6)}));
    QCOMPARE(list[3], objcap::Value(6));
    QCOMPARE(QString::fromStdString(list[4].as<std::string>()), QStringLiteral("<objcap document capability notes.txt>"));
}

void tst_DocumentCapability::pluginEditsAreAppliedAndUndoable()
{
    m_editor->setPlainText(QStringLiteral("hello world"));
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(6);
    cursor.setPosition(11, QTextCursor::KeepAnchor);
    m_editor->setTextCursor(cursor);
    startPlugin();
    auto edited = hook("edit");
    QVERIFY2(edited, testing::describe(edited));
    // The plugin reads its own writes at once...
    QCOMPARE(QString::fromStdString(edited->as<std::string>()), QStringLiteral("!hello X?"));
    // ...and the editor shows them once the GUI thread has run.
    QTRY_COMPARE(m_editor->toPlainText(), QStringLiteral("!hello X?"));
    m_editor->undo();
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("!hello X"));
    m_editor->undo();
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("hello X"));
    m_editor->undo();
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("hello world"));
}

void tst_DocumentCapability::invalidEditsAreRefused()
{
    m_editor->setPlainText(QStringLiteral("abc"));
    startPlugin();
    auto attempt = [this](objcap::Value::List arguments) {
        auto r = hook("attempt", std::move(arguments));
        return r ? QString::fromStdString(r->as<std::string>()) : QString::fromStdString(r.error().message);
    };
    QCOMPARE(attempt({objcap::Value(3)}), QStringLiteral("TypeError: insert() argument 'text' must be str, not int"));
    QCOMPARE(attempt({objcap::Value("x"), objcap::Value(4)}),
             QStringLiteral("ValueError: insert() position 4 is outside the document (0..3)"));
    QCOMPARE(attempt({objcap::Value("x"), objcap::Value(-1)}),
             QStringLiteral("ValueError: insert() position -1 is outside the document (0..3)"));
    QCOMPARE(attempt({objcap::Value("x"), objcap::Value("1")}),
             QStringLiteral("TypeError: insert() argument 'position' must be int or None"));
    auto huge = hook("huge");
    QVERIFY2(huge, testing::describe(huge));
    QCOMPARE(QString::fromStdString(huge->as<std::string>()),
             QStringLiteral("ValueError: replace_selection() argument 'text' is larger than 16 MiB"));
    QTest::qWait(50);
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("abc"));
    QVERIFY(!m_editor->document()->isUndoAvailable());
}

void tst_DocumentCapability::onChangeFiresAfterTyping()
{
    startPlugin();
    QVERIFY(hook("listen"));
    m_editor->setFocus();
    QTest::keyClicks(m_editor.get(), QStringLiteral("typed"));
    QTRY_VERIFY(!m_log.isEmpty());
    {
        std::lock_guard lock(m_mutex);
        QCOMPARE(m_log.last(), QStringLiteral("changed 5"));  // the callback sees the text as typed
    }
}

// The plugin's thread writes as fast as it can; the GUI thread keeps running its own timers
// meanwhile, and destroying the plugin (which joins its thread, here) returns.
void tst_DocumentCapability::guiRunsWhilePluginWritesAndDestroyingItDoesNotDeadlock()
{
    startPlugin(std::chrono::milliseconds(120000));
    int ticks = 0;
    QTimer timer;
    connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
    timer.start(1);
    auto writing = m_plugin->callHook("write_forever", {});
    QTRY_VERIFY(m_editor->toPlainText().size() > 1000);
    const int before = ticks;
    QTRY_VERIFY(ticks > before + 10);
    QVERIFY(writing.wait_for(std::chrono::seconds(0)) != std::future_status::ready);  // still looping
    m_plugin.reset();
    QCOMPARE(writing.get().error().code, objcap::ErrorCode::Interrupted);  // ended mid-loop
    // What it queued and the editor not yet applied is harmless now.
    QTest::qWait(20);
    QVERIFY(m_editor->toPlainText().startsWith(QLatin1Char('x')));
}

QTEST_MAIN(tst_DocumentCapability)
#include "tst_documentcapability.moc"
