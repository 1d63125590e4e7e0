#include "panelcapability.h"

#include "uihost.h"

namespace objcap::host {

using objcap::ErrorCode;
using objcap::Result;
using objcap::Value;

PanelCapability::PanelCapability(std::shared_ptr<PluginUiState> state, quint64 serial, const PanelSpec &spec,
                                 const objcap::Capability &parent)
    : Capability("panel"), m_state(std::move(state)), m_serial(serial), m_title(spec.title.toStdString())
{
    shareRevocation(parent);
    for (const PanelSpec::Item &item : spec.items)
        m_types[item.id.toStdString()] = item.type;
}

Result<void> PanelCapability::current() const
{
    std::lock_guard lock(m_state->mutex);
    if (m_state->panelSerial != m_serial)
        return objcap::Error::make(ErrorCode::Refused, "this panel was closed or replaced by a newer one");
    return {};
}

Result<Value> PanelCapability::call(const std::string &method, const objcap::Arguments &args)
{
    if (method == "on_event") {
        auto callback = args.callback(0, "callback", /*allowNone=*/true);
        if (Result<void> ok = args.expect(1, {"callback"}); !ok)
            return ok.error();
        if (!callback)
            return callback.error();
        if (Result<void> ok = current(); !ok)
            return ok.error();
        Value::CallbackRef handler = callback.value();
        const quint64 serial = m_serial;
        if (auto queued = UiHost::post(m_state, [serial, handler](UiHost &host, const auto &state) {
                host.setPanelCallback(*state, serial, handler);
            });
            !queued)
            return queued.error();
        return Value();
    }
    if (method == "update") {
        auto id = args.string(0, "id");
        if (!id)
            return id.error();
        if (args.positional().size() > 1)
            return objcap::Error::make(ErrorCode::InvalidArgument, "update() takes the properties as keywords");
        return update(id.value(), args.keywords());
    }
    if (method == "set") {
        auto id = args.string(0, "id");
        auto props = args.get(1, "props");
        if (Result<void> ok = args.expect(2, {"id", "props"}); !ok)
            return ok.error();
        if (!id)
            return id.error();
        if (!props)
            return props.error();
        if (!props->is<Value::Dict>())
            return objcap::Error::make(ErrorCode::InvalidArgument, "set() argument 'props' must be dict");
        return update(id.value(), props->as<Value::Dict>());
    }
    return objcap::Error::make(ErrorCode::InvalidArgument, "'panel' capability has no method '" + method + "'");
}

Result<Value> PanelCapability::update(const std::string &id, const Value::Dict &props)
{
    auto type = m_types.find(id);
    if (type == m_types.end())
        return objcap::Error::make(ErrorCode::InvalidValue, "the panel has no item '" + id.substr(0, 64) + "'");
    auto parsed = PanelSpec::parseProps(type->second, props,
                                        "panel item '" + id + "' (" + PanelSpec::typeName(type->second) + ")");
    if (!parsed)
        return parsed.error();
    if (Result<void> ok = current(); !ok)
        return ok.error();
    const quint64 serial = m_serial;
    const QString item = QString::fromStdString(id);
    if (auto queued = UiHost::post(m_state, [serial, item, p = parsed.value()](UiHost &host, const auto &state) {
            host.updatePanel(*state, serial, item, p);
        });
        !queued)
        return queued.error();
    return Value();
}

} // namespace objcap::host
