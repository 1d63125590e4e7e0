// The editor host's `ui` capability end to end: a real plugin (PluginInstance, its own thread)
// builds a panel and commands through UiHost; clicks, Enter and activations reach it after
// onUserAction, and its replies update the panel. Invalid descriptions create nothing; revoking
// `ui` raises RevokedError and leaves the window alone. Each test function runs in its own process.
#include "../sandbox/sandboxtesting.h"

#include <commandpalette.h>
#include <documentcapability.h>
#include <documenteditor.h>
#include <panelwidget.h>
#include <plugininstance.h>
#include <uihost.h>

#include <objcap/logcapability.h>

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>

#include <mutex>

using objcap::host::PanelWidget;
using objcap::host::PluginInstance;
using objcap::host::UiHost;
using State = PluginInstance::State;

namespace {

const char *pluginId = "org.example.panel";

const QByteArray pluginCode = R"(import json
import objcap

clicks = 0
panel = None

def activate(ctx):
    global panel
    ctx.ui.add_command("Say hello", hello)
    panel = ctx.ui.panel("Tools", [
        {"type": "label", "id": "status", "text": "ready"},
        {"type": "button", "id": "go", "text": "Go"},
        {"type": "input", "id": "q", "placeholder": "query"},
        {"type": "list", "id": "results", "items": ["a", "b"]},
        {"type": "progress", "id": "p", "value": 5, "max": 10},
    ])
    panel.on_event(on_event)

def on_event(widget, event, value):
    global clicks
    if widget == "go":
        clicks += 1
        panel.update("status", text=f"clicked {clicks}")
    else:
        panel.set("status", {"text": f"{widget} {event} {value}"})

def hello():
    ctx.log.info("hello")

def flood():
    n = 0
    try:
        while True:
            panel.update("status", text=str(n))
            n += 1
    except objcap.CapabilityError as e:
        return f"{n}: {e}"

def attempt(what, *args):
    try:
        if what == "panel":
            ctx.ui.panel(args[0], json.loads(args[1]))
        elif what == "update":
            panel.update(args[0], **json.loads(args[1]))
        elif what == "notify":
            ctx.ui.notify(*args)
        elif what == "command":
            ctx.ui.add_command(args[0], hello, shortcut=args[1] if len(args) > 1 else None)
        return "ok"
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
)";

} // namespace

class tst_UiCapability : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void panelButtonClickReachesThePlugin();
    void inputAndListEventsReachThePlugin();
    void commandRunsFromMenuAndPalette();
    void invalidPanelDescriptionsCreateNothing_data();
    void invalidPanelDescriptionsCreateNothing();
    void invalidUpdatesAreRefused();
    void shortcutsAreCheckedAndNeverTakenFromTheHost();
    void revokedUiRaisesAndLeavesTheWindowAlone();
    void removePluginTakesItsGuiAway();
    void wordStatsExampleCountsTheSelection();
    void floodIsRefusedWhileTheWindowIsBusy();
    void newCapabilityRevokesThePreviousOne();

private:
    void startPlugin();
    QString attempt(const objcap::Value::List &arguments);
    PanelWidget *panel() const { return m_host->panelFor(QString::fromLatin1(pluginId)); }
    template <typename T>
    T *item(const char *id) const
    {
        return panel() ? qobject_cast<T *>(panel()->item(QString::fromLatin1(id))) : nullptr;
    }

    std::unique_ptr<objcap::Runtime> m_runtime;
    QTemporaryDir m_dir;
    std::unique_ptr<QMainWindow> m_window;
    QMenu *m_pluginsMenu = nullptr;
    std::unique_ptr<UiHost> m_host;
    std::shared_ptr<objcap::Capability> m_ui;
    std::unique_ptr<PluginInstance> m_plugin;
    int m_userActions = 0;
    std::mutex m_mutex;
    QStringList m_log;
};

void tst_UiCapability::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_runtime = testing::startRuntime();
    QDir().mkpath(m_dir.filePath(QStringLiteral("plugin")));
    QFile manifest(m_dir.filePath(QStringLiteral("plugin/plugin.toml")));
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write(QByteArray("[plugin]\nid = \"") + pluginId +
                   "\"\nname = \"Panel & Co\"\nversion = \"1.0.0\"\nentry = \"main.py\"\n"
                   "[capabilities.ui]\nreason = \"Tools\"\n[capabilities.log]\nreason = \"Logs\"\n");
    manifest.close();
    QFile entry(m_dir.filePath(QStringLiteral("plugin/main.py")));
    QVERIFY(entry.open(QIODevice::WriteOnly));
    entry.write(pluginCode);
}

void tst_UiCapability::init()
{
    m_window = std::make_unique<QMainWindow>();
    m_window->setCentralWidget(new QLabel(QStringLiteral("editor")));
    auto *save = new QAction(QStringLiteral("Save"), m_window.get());
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    m_window->addAction(save);
    m_pluginsMenu = m_window->menuBar()->addMenu(QStringLiteral("&Plugins"));
    m_host = std::make_unique<UiHost>(m_window.get(), m_pluginsMenu);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_UiCapability::cleanup()
{
    m_plugin.reset();  // joins the plugin's thread while the window still exists
    m_ui.reset();
    m_host.reset();
    m_window.reset();
}

void tst_UiCapability::startPlugin()
{
    m_ui = m_host->capabilityFor(QString::fromLatin1(pluginId), QStringLiteral("Panel & Co"), [this] { ++m_userActions; });
    PluginInstance::Options options;
    options.folder = m_dir.filePath(QStringLiteral("plugin"));
    options.enabled = true;
    options.timeLimit = std::chrono::milliseconds(5000);
    options.grants.push_back({"ui", m_ui});
    options.grants.push_back({"log", objcap::makeLogCapability([this](objcap::LogLevel, std::string_view message) {
                                  std::lock_guard lock(m_mutex);
                                  m_log << QString::fromUtf8(message.data(), static_cast<qsizetype>(message.size()));
                              })});
    m_plugin = std::make_unique<PluginInstance>(*m_runtime, std::move(options));
    m_plugin->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_plugin->state(), State::Running, 60000);
    QTRY_VERIFY(panel());
}

// A hook's answer, waiting for it with the event loop running.
QString tst_UiCapability::attempt(const objcap::Value::List &arguments)
{
    auto answer = m_plugin->callHook("attempt", arguments);
    if (!QTest::qWaitFor([&] { return answer.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }, 60000))
        return QStringLiteral("timeout");
    const auto &result = answer.get();
    if (!result)
        return QStringLiteral("hook failed: ") + QString::fromStdString(result.error().message);
    return QString::fromStdString(result->as<std::string>());
}

void tst_UiCapability::panelButtonClickReachesThePlugin()
{
    startPlugin();
    QDockWidget *dock = m_host->dockFor(QString::fromLatin1(pluginId));
    QVERIFY(dock);
    QCOMPARE(dock->windowTitle(), QStringLiteral("Panel & Co: Tools"));  // named after the plugin
    QVERIFY(m_window->findChildren<QDockWidget *>().contains(dock));
    QCOMPARE(item<QLabel>("status")->text(), QStringLiteral("ready"));
    QCOMPARE(item<QLabel>("status")->textFormat(), Qt::PlainText);
    QCOMPARE(item<QPushButton>("go")->text(), QStringLiteral("Go"));
    QCOMPARE(item<QLineEdit>("q")->placeholderText(), QStringLiteral("query"));
    QCOMPARE(item<QListWidget>("results")->count(), 2);
    QCOMPARE(item<QProgressBar>("p")->value(), 5);
    QCOMPARE(item<QProgressBar>("p")->maximum(), 10);
    QCOMPARE(m_userActions, 0);

    QTest::mouseClick(item<QPushButton>("go"), Qt::LeftButton);
    QCOMPARE(m_userActions, 1);  // before the event was even posted
    QTRY_COMPARE(item<QLabel>("status")->text(), QStringLiteral("clicked 1"));
    QTest::mouseClick(item<QPushButton>("go"), Qt::LeftButton);
    QTRY_COMPARE(item<QLabel>("status")->text(), QStringLiteral("clicked 2"));
    QCOMPARE(m_userActions, 2);
}

void tst_UiCapability::inputAndListEventsReachThePlugin()
{
    startPlugin();
    QLineEdit *input = item<QLineEdit>("q");
    input->setText(QStringLiteral("needle"));
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_COMPARE(item<QLabel>("status")->text(), QStringLiteral("q submitted needle"));
    QListWidget *list = item<QListWidget>("results");
    list->setCurrentRow(1);
    emit list->itemActivated(list->item(1));
    QTRY_COMPARE(item<QLabel>("status")->text(), QStringLiteral("results activated b"));
    QCOMPARE(m_userActions, 2);
    QCOMPARE(attempt({objcap::Value("update"), objcap::Value("results"), objcap::Value(R"({"items": ["x", "y", "z"]})")}),
             QStringLiteral("ok"));
    QTRY_COMPARE(list->count(), 3);
    QCOMPARE(attempt({objcap::Value("update"), objcap::Value("p"), objcap::Value(R"({"value": 7})")}), QStringLiteral("ok"));
    QTRY_COMPARE(item<QProgressBar>("p")->value(), 7);
}

void tst_UiCapability::commandRunsFromMenuAndPalette()
{
    startPlugin();
    QTRY_VERIFY(m_host->menuFor(QString::fromLatin1(pluginId)));
    QMenu *menu = m_host->menuFor(QString::fromLatin1(pluginId));
    QVERIFY(m_pluginsMenu->actions().contains(menu->menuAction()));
    QCOMPARE(menu->title(), QStringLiteral("Panel && Co"));  // the plugin's name, never a mnemonic
    QCOMPARE(menu->actions().size(), 1);
    QAction *command = menu->actions().first();
    QCOMPARE(command->text(), QStringLiteral("Say hello"));

    command->trigger();
    QCOMPARE(m_userActions, 1);
    QTRY_COMPARE(m_log, QStringList{QStringLiteral("hello")});

    m_host->paletteAction()->trigger();
    QVERIFY(m_host->palette()->isVisible());
    QCOMPARE(m_host->palette()->visibleCommands(), QStringList{QStringLiteral("Panel & Co: Say hello")});
    QTest::keyClicks(m_host->palette()->filterEdit(), QStringLiteral("nothing like it"));
    QVERIFY(m_host->palette()->visibleCommands().isEmpty());
    m_host->palette()->filterEdit()->clear();
    QTest::keyClicks(m_host->palette()->filterEdit(), QStringLiteral("HELLO"));
    QCOMPARE(m_host->palette()->visibleCommands().size(), 1);
    QTest::keyClick(m_host->palette()->filterEdit(), Qt::Key_Return);
    QVERIFY(!m_host->palette()->isVisible());
    QCOMPARE(m_userActions, 2);
    QTRY_COMPARE(m_log, (QStringList{QStringLiteral("hello"), QStringLiteral("hello")}));
}

void tst_UiCapability::invalidPanelDescriptionsCreateNothing_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("items");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown type") << "T" << R"([{"type": "slider", "id": "s"}])"
                                  << "ValueError: panel item 0 has unknown type 'slider' (expected label, button, input, "
                                     "list or progress)";
    QTest::newRow("unknown key") << "T" << R"([{"type": "button", "id": "go", "colour": "red"}])"
                                 << "TypeError: panel item 'go' (button) got an unexpected key 'colour'";
    QTest::newRow("key of another type") << "T" << R"([{"type": "label", "id": "l", "placeholder": "x"}])"
                                         << "TypeError: panel item 'l' (label) got an unexpected key 'placeholder'";
    QTest::newRow("missing type") << "T" << R"([{"id": "x"}])" << "TypeError: panel item 0 is missing required key 'type'";
    QTest::newRow("missing id") << "T" << R"([{"type": "label"}])"
                                << "TypeError: panel item 0 (label) is missing required key 'id'";
    QTest::newRow("wrong value type") << "T" << R"([{"type": "label", "id": "l", "text": 3}])"
                                      << "TypeError: panel item 'l' (label) 'text' must be str, not int";
    QTest::newRow("item not a dict") << "T" << R"(["label"])" << "TypeError: panel item 0 must be dict, not str";
    QTest::newRow("items not a list") << "T" << R"({"type": "label"})"
                                      << "TypeError: panel() argument 'items' must be list, not dict";
    QTest::newRow("duplicate id") << "T" << R"([{"type": "label", "id": "a"}, {"type": "button", "id": "a"}])"
                                  << "ValueError: panel item 1 repeats the id 'a'";
    QTest::newRow("bad id") << "T" << R"([{"type": "label", "id": "a b"}])"
                            << "ValueError: panel item 0 'id' must be 1 to 64 letters, digits, '_' or '-'";
    QTest::newRow("list entry") << "T" << R"([{"type": "list", "id": "l", "items": ["a", 2]}])"
                                << "TypeError: panel item 'l' (list) 'items' entry 1 must be str, not int";
    QTest::newRow("progress over max") << "T" << R"([{"type": "progress", "id": "p", "value": 11, "max": 10}])"
                                       << "ValueError: panel item 'p' (progress) 'value' is greater than its 'max'";
    QTest::newRow("progress over default max") << "T" << R"([{"type": "progress", "id": "p", "value": 101}])"
                                               << "ValueError: panel item 'p' (progress) 'value' is greater than its 'max'";
    QTest::newRow("empty title") << "" << "[]" << "ValueError: panel() title must be 1 to 128 bytes";
    QString many = QStringLiteral("[");
    for (int i = 0; i < 65; ++i)
        many += QStringLiteral("{\"type\": \"label\", \"id\": \"l%1\"}%2").arg(i).arg(i < 64 ? "," : "");
    many += QLatin1Char(']');
    QTest::newRow("too many items") << "T" << many << "ValueError: panel() takes at most 64 items";
    QTest::newRow("text too long") << "T"
                                   << QStringLiteral(R"([{"type": "label", "id": "l", "text": "%1"}])").arg(QString(9000, 'x'))
                                   << "ValueError: panel item 'l' (label) 'text' is longer than 8192 bytes";
}

void tst_UiCapability::invalidPanelDescriptionsCreateNothing()
{
    QFETCH(QString, title);
    QFETCH(QString, items);
    QFETCH(QString, error);
    startPlugin();
    QPointer<PanelWidget> before = panel();
    QCOMPARE(attempt({objcap::Value("panel"), objcap::Value(title.toStdString()), objcap::Value(items.toStdString())}),
             error);
    QTest::qWait(50);  // anything wrongly queued would have been shown by now
    QCOMPARE(panel(), before.data());
    QCOMPARE(item<QLabel>("status")->text(), QStringLiteral("ready"));
    QCOMPARE(m_window->findChildren<QDockWidget *>().size(), 1);
}

void tst_UiCapability::invalidUpdatesAreRefused()
{
    startPlugin();
    auto update = [this](const char *id, const char *props) {
        return attempt({objcap::Value("update"), objcap::Value(id), objcap::Value(props)});
    };
    QCOMPARE(update("nothere", R"({"text": "x"})"), QStringLiteral("ValueError: the panel has no item 'nothere'"));
    QCOMPARE(update("status", R"({"items": []})"),
             QStringLiteral("TypeError: panel item 'status' (label) got an unexpected key 'items'"));
    QCOMPARE(update("go", R"({"enabled": 1})"),
             QStringLiteral("TypeError: panel item 'go' (button) 'enabled' must be bool, not int"));
    QCOMPARE(update("p", R"({"value": -1})"),
             QStringLiteral("ValueError: panel item 'p' (progress) 'value' must be between 0 and 1000000000"));
    QTest::qWait(50);
    QCOMPARE(item<QLabel>("status")->text(), QStringLiteral("ready"));
    QVERIFY(item<QPushButton>("go")->isEnabled());
    QCOMPARE(item<QProgressBar>("p")->value(), 5);

    // A replaced panel's handle is refused; the new panel is the plugin's only one.
    QCOMPARE(attempt({objcap::Value("panel"), objcap::Value("Second"), objcap::Value(R"([{"type": "label", "id": "x"}])")}),
             QStringLiteral("ok"));
    QCOMPARE(update("status", R"({"text": "late"})"),
             QStringLiteral("CapabilityError: this panel was closed or replaced by a newer one"));
    QTRY_VERIFY(panel() && panel()->item(QStringLiteral("x")));
    QCOMPARE(m_host->dockFor(QString::fromLatin1(pluginId))->windowTitle(), QStringLiteral("Panel & Co: Second"));
}

void tst_UiCapability::shortcutsAreCheckedAndNeverTakenFromTheHost()
{
    startPlugin();
    QCOMPARE(attempt({objcap::Value("command"), objcap::Value("Bare"), objcap::Value("W")}),
             QStringLiteral("ValueError: add_command() shortcut 'W' must be one key with Ctrl, Alt or Meta, like "
                            "\"Ctrl+Alt+W\""));
    QCOMPARE(attempt({objcap::Value("command"), objcap::Value("Nonsense"), objcap::Value("Ctrl+Banana")}).left(11),
             QStringLiteral("ValueError:"));
    QSignalSpy notified(m_host.get(), &UiHost::notified);
    QCOMPARE(attempt({objcap::Value("command"), objcap::Value("Steal save"), objcap::Value("Ctrl+S")}), QStringLiteral("ok"));
    QCOMPARE(attempt({objcap::Value("command"), objcap::Value("Own"), objcap::Value("Ctrl+Alt+O")}), QStringLiteral("ok"));
    QTRY_COMPARE(m_host->commandActions().size(), 3);
    QMenu *menu = m_host->menuFor(QString::fromLatin1(pluginId));
    QCOMPARE(menu->actions().at(1)->text(), QStringLiteral("Steal save"));
    QVERIFY(menu->actions().at(1)->shortcut().isEmpty());  // the host's Ctrl+S stays the host's
    QCOMPARE(notified.size(), 1);
    QCOMPARE(notified.first().at(1).toString(), QStringLiteral("warning"));
    QCOMPARE(menu->actions().at(2)->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O));
}

void tst_UiCapability::revokedUiRaisesAndLeavesTheWindowAlone()
{
    startPlugin();
    QCOMPARE(attempt({objcap::Value("notify"), objcap::Value("before")}), QStringLiteral("ok"));
    QTRY_COMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Panel & Co: before"));
    const auto commandsBefore = m_host->commandActions();

    QVERIFY(m_plugin->revoke("ui"));
    const QString revoked = QStringLiteral("RevokedError: the 'ui' capability has been revoked");
    const QString panelRevoked = QStringLiteral("RevokedError: the 'panel' capability has been revoked");
    QCOMPARE(attempt({objcap::Value("notify"), objcap::Value("after")}), revoked);
    QCOMPARE(attempt({objcap::Value("command"), objcap::Value("Another")}), revoked);
    QCOMPARE(attempt({objcap::Value("panel"), objcap::Value("T"), objcap::Value("[]")}), revoked);
    QCOMPARE(attempt({objcap::Value("update"), objcap::Value("status"), objcap::Value(R"({"text": "x"})")}), panelRevoked);
    QTest::qWait(50);
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Panel & Co: before"));
    QCOMPARE(m_host->commandActions(), commandsBefore);
    QCOMPARE(item<QLabel>("status")->text(), QStringLiteral("ready"));

    // What is still on screen no longer reaches the plugin, nor counts as a user action for it.
    QTest::mouseClick(item<QPushButton>("go"), Qt::LeftButton);
    commandsBefore.first()->trigger();
    QTest::qWait(50);
    QCOMPARE(m_userActions, 0);
    QCOMPARE(item<QLabel>("status")->text(), QStringLiteral("ready"));
    QVERIFY(m_log.isEmpty());
    QVERIFY(!panel()->isEnabled());
    QVERIFY(!commandsBefore.first()->isEnabled());
}

void tst_UiCapability::removePluginTakesItsGuiAway()
{
    startPlugin();
    QTRY_VERIFY(m_host->menuFor(QString::fromLatin1(pluginId)));
    QPointer<QDockWidget> dock = m_host->dockFor(QString::fromLatin1(pluginId));
    QPointer<QMenu> menu = m_host->menuFor(QString::fromLatin1(pluginId));
    m_plugin->stop();
    QTRY_COMPARE(m_plugin->state(), State::Stopped);
    m_host->removePlugin(QString::fromLatin1(pluginId));
    QVERIFY(m_host->commandActions().isEmpty());
    QVERIFY(!m_host->panelFor(QString::fromLatin1(pluginId)));
    QVERIFY(!m_pluginsMenu->actions().contains(menu->menuAction()));
    QTRY_VERIFY(!dock && !menu);

    // The same capability serves the plugin when it starts again, with a fresh window state.
    m_plugin->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_plugin->state(), State::Running, 60000);
    QTRY_VERIFY(panel());
    QTRY_COMPARE(m_host->commandActions().size(), 1);
    QCOMPARE(m_window->findChildren<QDockWidget *>().size(), 1);
}

// The example plugin (plugins/word-stats) with the real editor: live document counts, and the
// selection counted by its panel button and by its command.
void tst_UiCapability::wordStatsExampleCountsTheSelection()
{
    const QString id = QStringLiteral("org.objcap.word-stats");
    auto *editor = new objcap::host::DocumentEditor;
    m_window->setCentralWidget(editor);
    editor->setPlainText(QStringLiteral("one two three"));
    QTextCursor cursor = editor->textCursor();
    cursor.setPosition(4);
    cursor.setPosition(13, QTextCursor::KeepAnchor);
    editor->setTextCursor(cursor);

    m_ui = m_host->capabilityFor(id, QStringLiteral("Word Stats"), [this] { ++m_userActions; });
    PluginInstance::Options options;
    options.folder = QStringLiteral(OBJCAP_SOURCE_DIR "/plugins/word-stats");
    options.enabled = true;
    options.grants.push_back({"ui", m_ui});
    options.grants.push_back({"document", objcap::host::DocumentCapability::create(editor)});
    m_plugin = std::make_unique<PluginInstance>(*m_runtime, std::move(options));
    m_plugin->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_plugin->state(), State::Running, 60000);
    QTRY_VERIFY(m_host->panelFor(id));
    PanelWidget *stats = m_host->panelFor(id);
    auto label = [stats](const char *name) {
        return qobject_cast<QLabel *>(stats->item(QString::fromLatin1(name)))->text();
    };
    QCOMPARE(label("document"), QStringLiteral("Document: 3 words, 13 characters, 1 line"));

    QTest::mouseClick(qobject_cast<QPushButton *>(stats->item(QStringLiteral("count"))), Qt::LeftButton);
    QTRY_COMPARE(label("selection"), QStringLiteral("Selection: 2 words, 9 characters, 1 line"));
    QTRY_COMPARE(m_window->statusBar()->currentMessage(),
                 QStringLiteral("Word Stats: Selection: 2 words, 9 characters, 1 line"));

    editor->moveCursor(QTextCursor::End);
    QTest::keyClicks(editor, QStringLiteral(" four"));
    QTRY_COMPARE(label("document"), QStringLiteral("Document: 4 words, 18 characters, 1 line"));

    editor->selectAll();
    QTRY_COMPARE(m_host->commandActions().size(), 1);
    QCOMPARE(m_host->commandActions().first()->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_W));
    m_host->commandActions().first()->trigger();
    QTRY_COMPARE(label("selection"), QStringLiteral("Selection: 4 words, 18 characters, 1 line"));
    QCOMPARE(m_userActions, 2);
}

// The GUI thread is made busy on purpose (waiting here without running its event loop): the
// plugin's updates pile up to the bound and are then refused, never queued without limit.
void tst_UiCapability::floodIsRefusedWhileTheWindowIsBusy()
{
    startPlugin();
    auto flood = m_plugin->callHook("flood", {});
    QVERIFY(flood.wait_for(std::chrono::seconds(60)) == std::future_status::ready);
    const auto &answer = flood.get();
    QVERIFY2(answer, testing::describe(answer));
    QCOMPARE(QString::fromStdString(answer->as<std::string>()),
             QStringLiteral("1000: the window is busy: too many changes are waiting to be shown"));
    QTRY_COMPARE(item<QLabel>("status")->text(), QStringLiteral("999"));  // everything accepted is shown
    QCOMPARE(attempt({objcap::Value("notify"), objcap::Value("again")}), QStringLiteral("ok"));
}

void tst_UiCapability::newCapabilityRevokesThePreviousOne()
{
    startPlugin();
    QTRY_COMPARE(m_host->commandActions().size(), 1);
    auto fresh = m_host->capabilityFor(QString::fromLatin1(pluginId), QStringLiteral("Panel & Co"), {});
    QVERIFY(m_ui->revoked());
    QVERIFY(!fresh->revoked());
    QVERIFY(!panel());
    QVERIFY(m_host->commandActions().isEmpty());
    QCOMPARE(attempt({objcap::Value("notify"), objcap::Value("stale")}),
             QStringLiteral("RevokedError: the 'ui' capability has been revoked"));
}

QTEST_MAIN(tst_UiCapability)
#include "tst_uicapability.moc"
