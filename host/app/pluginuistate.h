#pragma once

#include "guirelay.h"

#include <QString>

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <utility>

namespace objcap::host {

class UiHost;

// What one plugin's `ui` capability (and the panels it minted) share with the UiHost, under
// `mutex`. Work is queued to the GUI thread stamped with `generation`; UiHost::removePlugin
// bumps it so that nothing a stopped plugin queued can bring its commands or panel back.
struct PluginUiState {
    static constexpr int maxPending = 1000;  // queued GUI work per plugin; more: "busy"

    PluginUiState(QString id, QString name, std::shared_ptr<GuiRelay<UiHost>> r)
        : pluginId(std::move(id)), pluginName(std::move(name)), relay(std::move(r))
    {
    }

    const QString pluginId, pluginName;
    const std::shared_ptr<GuiRelay<UiHost>> relay;

    std::mutex mutex;
    quint64 generation = 1;
    std::set<std::string> commands;  // titles, for the limit
    quint64 panelSerial = 0;         // the current panel; 0: none
    quint64 nextPanelSerial = 1;
    int pending = 0;
};

} // namespace objcap::host
