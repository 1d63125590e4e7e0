#include "uihost.h"

#include "commandpalette.h"
#include "panelwidget.h"
#include "uicapability.h"

#include <objcap/callback.h>
#include <objcap/capability.h>

#include <QAction>
#include <QDockWidget>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>

namespace objcap::host {

namespace {

QString escapeMnemonic(QString text)
{
    return text.replace(QLatin1Char('&'), QLatin1String("&&"));
}

} // namespace

UiHost::UiHost(QMainWindow *window, QMenu *pluginsMenu, QObject *parent)
    : QObject(parent), m_window(window), m_pluginsMenu(pluginsMenu), m_palette(new CommandPalette(window)),
      m_paletteAction(new QAction(tr("Command &Palette..."), window)), m_relay(std::make_shared<GuiRelay<UiHost>>(this))
{
    m_paletteAction->setObjectName(QStringLiteral("commandPaletteAction"));
    m_paletteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    window->addAction(m_paletteAction);
    connect(m_paletteAction, &QAction::triggered, this, [this] {
        m_palette->setCommands(commandActions());
        m_palette->open();
        m_palette->filterEdit()->setFocus();
    });
}

UiHost::~UiHost()
{
    // The widgets belong to the window, which may be halfway through its own destructor.
    m_relay->detach();
    for (auto &[id, ui] : m_plugins) {
        std::lock_guard lock(ui->state->mutex);
        ui->state->generation += 1;
    }
}

std::shared_ptr<objcap::Capability> UiHost::capabilityFor(const QString &pluginId, const QString &pluginName,
                                                          std::function<void()> onUserAction)
{
    if (auto it = m_plugins.find(pluginId); it != m_plugins.end()) {
        if (auto previous = it->second->capability.lock())
            previous->revoke();  // one live `ui` per plugin
        clear(*it->second);
    }
    auto ui = std::make_unique<PluginUi>();
    ui->state = std::make_shared<PluginUiState>(pluginId, pluginName, m_relay);
    ui->onUserAction = std::move(onUserAction);
    auto capability = std::make_shared<UiCapability>(ui->state);
    ui->capability = capability;
    m_plugins[pluginId] = std::move(ui);
    return capability;
}

void UiHost::removePlugin(const QString &pluginId)
{
    auto it = m_plugins.find(pluginId);
    if (it == m_plugins.end())
        return;
    clear(*it->second);
}

void UiHost::clear(PluginUi &ui)
{
    {
        std::lock_guard lock(ui.state->mutex);
        ui.state->generation += 1;
        ui.state->commands.clear();
        ui.state->panelSerial = 0;
    }
    // Deferred: this may run from a slot of one of these very objects.
    for (auto &[title, command] : ui.commands) {
        if (command.action)
            command.action->deleteLater();
    }
    ui.commands.clear();
    if (ui.menu) {
        if (m_pluginsMenu)
            m_pluginsMenu->removeAction(ui.menu->menuAction());
        ui.menu->deleteLater();
        ui.menu = nullptr;
    }
    if (ui.dock) {
        m_window->removeDockWidget(ui.dock);
        ui.dock->deleteLater();
        ui.dock = nullptr;
    }
    ui.panel = nullptr;
    ui.panelSerial = 0;
    ui.panelCallback.reset();
}

QList<QAction *> UiHost::commandActions() const
{
    QList<QAction *> actions;
    for (const auto &[id, ui] : m_plugins) {
        for (const auto &[title, command] : ui->commands) {
            if (command.action)
                actions << command.action;
        }
    }
    return actions;
}

QMenu *UiHost::menuFor(const QString &pluginId) const
{
    auto it = m_plugins.find(pluginId);
    return it == m_plugins.end() ? nullptr : it->second->menu.data();
}

QDockWidget *UiHost::dockFor(const QString &pluginId) const
{
    auto it = m_plugins.find(pluginId);
    return it == m_plugins.end() ? nullptr : it->second->dock.data();
}

PanelWidget *UiHost::panelFor(const QString &pluginId) const
{
    auto it = m_plugins.find(pluginId);
    return it == m_plugins.end() ? nullptr : it->second->panel.data();
}

objcap::Result<void> UiHost::post(const std::shared_ptr<PluginUiState> &state, Task task)
{
    quint64 generation;
    {
        std::lock_guard lock(state->mutex);
        if (state->pending >= PluginUiState::maxPending)
            return objcap::Error::make(objcap::ErrorCode::Refused,
                                       "the window is busy: too many changes are waiting to be shown");
        generation = state->generation;
        state->pending += 1;
    }
    const bool queued = state->relay->post([state, generation, task = std::move(task)](UiHost &host) {
        {
            std::lock_guard lock(state->mutex);
            state->pending -= 1;
            if (state->generation != generation)
                return;  // the plugin was removed after it asked
        }
        if (host.find(*state))
            task(host, state);
    });
    if (!queued) {
        std::lock_guard lock(state->mutex);
        state->pending -= 1;
        return objcap::Error::make(objcap::ErrorCode::Refused, "the window has been closed");
    }
    return {};
}

UiHost::PluginUi *UiHost::find(const PluginUiState &state)
{
    auto it = m_plugins.find(state.pluginId);
    return it != m_plugins.end() && it->second->state.get() == &state ? it->second.get() : nullptr;
}

void UiHost::deliver(PluginUi &ui, objcap::Value::CallbackRef callback, objcap::Value::List arguments)
{
    auto capability = ui.capability.lock();
    if (!capability || capability->revoked()) {
        disable(ui);
        return;
    }
    if (ui.onUserAction)
        ui.onUserAction();
    if (callback)
        callback->post(std::move(arguments));
}

void UiHost::disable(PluginUi &ui)
{
    for (auto &[title, command] : ui.commands) {
        if (command.action)
            command.action->setEnabled(false);
    }
    if (ui.panel)
        ui.panel->setEnabled(false);
}

bool UiHost::shortcutTaken(const QKeySequence &shortcut) const
{
    const auto actions = m_window->findChildren<QAction *>();
    for (const QAction *action : actions) {
        if (action->shortcuts().contains(shortcut))
            return true;
    }
    for (const auto &[id, ui] : m_plugins) {
        for (const auto &[title, command] : ui->commands) {
            if (command.action && command.action->shortcuts().contains(shortcut))
                return true;
        }
    }
    return false;
}

void UiHost::addCommand(const PluginUiState &state, const QString &title, const QKeySequence &shortcut,
                        objcap::Value::CallbackRef callback)
{
    PluginUi *ui = find(state);
    if (!ui)
        return;
    if (auto existing = ui->commands.find(title); existing != ui->commands.end()) {
        existing->second.callback = std::move(callback);
        return;
    }
    if (!ui->menu) {
        ui->menu = new QMenu(escapeMnemonic(state.pluginName), m_window);
        ui->menu->setObjectName(QStringLiteral("pluginMenu:") + state.pluginId);
        if (m_pluginsMenu)
            m_pluginsMenu->addMenu(ui->menu);
    }
    auto *action = new QAction(escapeMnemonic(title), ui->menu);
    action->setObjectName(QStringLiteral("pluginCommand:") + state.pluginId + QLatin1Char(':') + title);
    action->setProperty("paletteText", state.pluginName + QStringLiteral(": ") + title);
    if (!shortcut.isEmpty()) {
        if (shortcutTaken(shortcut))
            notify(state, QStringLiteral("warning"),
                   tr("the shortcut %1 is already in use").arg(shortcut.toString(QKeySequence::NativeText)));
        else
            action->setShortcut(shortcut);
    }
    ui->menu->addAction(action);
    m_window->addAction(action);  // the shortcut works while the menu is closed
    const QString pluginId = state.pluginId;
    connect(action, &QAction::triggered, this, [this, pluginId, title] {
        auto it = m_plugins.find(pluginId);
        if (it == m_plugins.end())
            return;
        auto command = it->second->commands.find(title);
        if (command != it->second->commands.end())
            deliver(*it->second, command->second.callback, {});
    });
    ui->commands[title] = Command{action, std::move(callback)};
}

void UiHost::removeCommand(const PluginUiState &state, const QString &title)
{
    PluginUi *ui = find(state);
    if (!ui)
        return;
    auto it = ui->commands.find(title);
    if (it == ui->commands.end())
        return;
    if (it->second.action)
        it->second.action->deleteLater();
    ui->commands.erase(it);
}

void UiHost::notify(const PluginUiState &state, const QString &level, const QString &text)
{
    const QString marker = level == QLatin1String("error")     ? tr("Error: ")
                           : level == QLatin1String("warning") ? tr("Warning: ")
                                                               : QString();
    m_window->statusBar()->showMessage(state.pluginName + QStringLiteral(": ") + marker + text, 8000);
    emit notified(state.pluginId, level, text);
}

void UiHost::showPanel(const PluginUiState &state, quint64 serial, const PanelSpec &spec)
{
    PluginUi *ui = find(state);
    if (!ui)
        return;
    if (!ui->dock) {
        ui->dock = new QDockWidget(m_window);
        ui->dock->setObjectName(QStringLiteral("pluginPanel:") + state.pluginId);
        ui->dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                              QDockWidget::DockWidgetFloatable);
        m_window->addDockWidget(Qt::RightDockWidgetArea, ui->dock);
    }
    ui->dock->setWindowTitle(state.pluginName + QStringLiteral(": ") + spec.title);
    const QString pluginId = state.pluginId;
    auto *panel = new PanelWidget(spec, [this, pluginId, serial](const QString &id, const QString &event,
                                                                 const objcap::Value &value) {
        auto it = m_plugins.find(pluginId);
        if (it == m_plugins.end() || it->second->panelSerial != serial)
            return;
        deliver(*it->second, it->second->panelCallback,
                {objcap::Value(id.toStdString()), objcap::Value(event.toStdString()), value});
    });
    if (QWidget *old = ui->dock->widget())
        old->deleteLater();
    ui->dock->setWidget(panel);
    ui->panel = panel;
    ui->panelSerial = serial;
    ui->panelCallback.reset();
    ui->dock->show();
}

void UiHost::closePanel(const PluginUiState &state, quint64 serial)
{
    PluginUi *ui = find(state);
    if (!ui || ui->panelSerial != serial)
        return;
    if (ui->dock) {
        m_window->removeDockWidget(ui->dock);
        ui->dock->deleteLater();
        ui->dock = nullptr;
    }
    ui->panel = nullptr;
    ui->panelSerial = 0;
    ui->panelCallback.reset();
}

void UiHost::updatePanel(const PluginUiState &state, quint64 serial, const QString &id, const PanelSpec::Props &props)
{
    PluginUi *ui = find(state);
    if (ui && ui->panel && ui->panelSerial == serial)
        ui->panel->apply(id, props);
}

void UiHost::setPanelCallback(const PluginUiState &state, quint64 serial, objcap::Value::CallbackRef callback)
{
    PluginUi *ui = find(state);
    if (ui && ui->panelSerial == serial)
        ui->panelCallback = std::move(callback);
}

} // namespace objcap::host
