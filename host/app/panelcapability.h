#pragma once

#include "panelspec.h"
#include "pluginuistate.h"

#include <objcap/capability.h>

#include <map>
#include <memory>

namespace objcap::host {

// What ctx.ui.panel() returns: the plugin's handle on the panel it described. Revoked with the
// `ui` capability it came from.
//
//   update(id, **props) -> None      e.g. update("status", text="3 words")
//   set(id, props) -> None           the same with a dict
//   on_event(callback) -> None       callback(widget_id, event, value) for ("go", "clicked", None),
//                                    ("q", "submitted", text), ("results", "activated", entry);
//                                    None removes it
//
// ValueError for an id the panel lacks; TypeError for a property its type lacks or a value of the
// wrong type; CapabilityError once the panel was replaced by a newer panel() or closed.
class PanelCapability : public objcap::Capability {
public:
    // Revoked whenever `parent` (the plugin's ui capability) is.
    PanelCapability(std::shared_ptr<PluginUiState> state, quint64 serial, const PanelSpec &spec,
                    const objcap::Capability &parent);

    std::string scope() const override { return m_title; }
    std::vector<std::string> methods() const override { return {"on_event", "set", "update"}; }

protected:
    objcap::Result<objcap::Value> call(const std::string &method, const objcap::Arguments &arguments) override;

private:
    objcap::Result<void> current() const;
    objcap::Result<objcap::Value> update(const std::string &id, const objcap::Value::Dict &props);

    std::shared_ptr<PluginUiState> m_state;
    quint64 m_serial;
    std::string m_title;
    std::map<std::string, PanelSpec::Type> m_types;
};

} // namespace objcap::host
