#pragma once

#include "guirelay.h"
#include "panelspec.h"
#include "pluginuistate.h"

#include <objcap/result.h>
#include <objcap/value.h>

#include <QKeySequence>
#include <QObject>
#include <QPointer>

#include <functional>
#include <map>
#include <memory>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;

namespace objcap {
class Capability;
}

namespace objcap::host {

class CommandPalette;
class PanelWidget;

// Where plugins' `ui` capabilities land in the window: one submenu per plugin in the Plugins
// menu, the command palette over every plugin command, one dock panel per plugin, and
// notifications in the status bar (and notified()). Everything a plugin shows is prefixed with
// its name, so it cannot pass for the host. GUI thread only; plugins reach it through the relay.
//
// Every user event delivered to a plugin (a command run, a button clicked, an input submitted,
// a list entry activated) first calls that plugin's onUserAction, then posts the event.
class UiHost : public QObject {
    Q_OBJECT

public:
    UiHost(QMainWindow *window, QMenu *pluginsMenu, QObject *parent = nullptr);
    ~UiHost() override;

    // A new `ui` capability for this plugin; one given before is revoked and its GUI removed.
    std::shared_ptr<objcap::Capability> capabilityFor(const QString &pluginId, const QString &pluginName,
                                                      std::function<void()> onUserAction);
    // Removes the plugin's commands, panel and dock (call when it stops or loses `ui`); the
    // capability stays usable if the plugin starts again.
    void removePlugin(const QString &pluginId);

    QAction *paletteAction() const { return m_paletteAction; }  // Ctrl+Shift+P, already on the window
    CommandPalette *palette() const { return m_palette; }
    QList<QAction *> commandActions() const;  // of every plugin
    QMenu *menuFor(const QString &pluginId) const;
    QDockWidget *dockFor(const QString &pluginId) const;
    PanelWidget *panelFor(const QString &pluginId) const;

    // Through the relay, from a plugin's capabilities: each does nothing unless `state` is the
    // plugin's current one at `generation`.
    using Task = std::function<void(UiHost &host, const std::shared_ptr<PluginUiState> &state)>;
    static objcap::Result<void> post(const std::shared_ptr<PluginUiState> &state, Task task);
    void addCommand(const PluginUiState &state, const QString &title, const QKeySequence &shortcut,
                    objcap::Value::CallbackRef callback);
    void removeCommand(const PluginUiState &state, const QString &title);
    void notify(const PluginUiState &state, const QString &level, const QString &text);
    void showPanel(const PluginUiState &state, quint64 serial, const PanelSpec &spec);
    void closePanel(const PluginUiState &state, quint64 serial);
    void updatePanel(const PluginUiState &state, quint64 serial, const QString &id, const PanelSpec::Props &props);
    void setPanelCallback(const PluginUiState &state, quint64 serial, objcap::Value::CallbackRef callback);

signals:
    void notified(const QString &pluginId, const QString &level, const QString &text);

private:
    struct Command {
        QPointer<QAction> action;
        objcap::Value::CallbackRef callback;
    };
    struct PluginUi {
        std::shared_ptr<PluginUiState> state;
        std::weak_ptr<objcap::Capability> capability;
        std::function<void()> onUserAction;
        QPointer<QMenu> menu;
        std::map<QString, Command> commands;
        QPointer<QDockWidget> dock;
        QPointer<PanelWidget> panel;
        quint64 panelSerial = 0;
        objcap::Value::CallbackRef panelCallback;
    };

    PluginUi *find(const PluginUiState &state);
    // Calls onUserAction, then posts; nothing (and the plugin's GUI disabled) once revoked.
    void deliver(PluginUi &ui, objcap::Value::CallbackRef callback, objcap::Value::List arguments);
    void disable(PluginUi &ui);
    void clear(PluginUi &ui);
    bool shortcutTaken(const QKeySequence &shortcut) const;

    QMainWindow *m_window;
    QPointer<QMenu> m_pluginsMenu;
    CommandPalette *m_palette;
    QAction *m_paletteAction;
    std::shared_ptr<GuiRelay<UiHost>> m_relay;
    std::map<QString, std::unique_ptr<PluginUi>> m_plugins;
};

} // namespace objcap::host
