#pragma once

#include "pluginuistate.h"

#include <objcap/capability.h>

#include <memory>

namespace objcap::host {

// ctx.ui for one plugin (made by UiHost::capabilityFor). Nothing waits for the GUI: calls are
// checked here, on the plugin's thread, and queued to the window.
//
//   add_command(title, callback, shortcut=None) -> None
//       a command in the plugin's submenu of Plugins and in the command palette; callback()
//       runs when the user picks it. The same title again replaces the callback. shortcut is a
//       portable key sequence with Ctrl, Alt or Meta ("Ctrl+Alt+W"); one already in use is
//       dropped with a warning notification.
//   remove_command(title) -> bool
//   notify(text, level="info") -> None          level: "info", "warning" or "error"
//   panel(title, items) -> panel capability     creates or replaces the plugin's dock panel;
//       items as in PanelSpec; see PanelCapability for update()/set()/on_event()
//   close_panel() -> None
//
// TypeError for wrong types; ValueError for an empty or over-long title or text, a bad level or
// shortcut, a bad panel description (nothing is created); CapabilityError beyond maxCommands or
// while too much is queued for the window.
class UiCapability : public objcap::Capability {
public:
    static constexpr int maxCommands = 32;
    static constexpr std::size_t maxTitleBytes = 128;
    static constexpr std::size_t maxNotificationBytes = 1024;

    explicit UiCapability(std::shared_ptr<PluginUiState> state);

    std::string scope() const override;
    std::vector<std::string> methods() const override;

protected:
    objcap::Result<objcap::Value> call(const std::string &method, const objcap::Arguments &arguments) override;

private:
    objcap::Result<objcap::Value> addCommand(const objcap::Arguments &arguments);
    objcap::Result<objcap::Value> removeCommand(const objcap::Arguments &arguments);
    objcap::Result<objcap::Value> notify(const objcap::Arguments &arguments);
    objcap::Result<objcap::Value> panel(const objcap::Arguments &arguments);
    objcap::Result<objcap::Value> closePanel(const objcap::Arguments &arguments);

    std::shared_ptr<PluginUiState> m_state;
};

} // namespace objcap::host
