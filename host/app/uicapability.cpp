#include "uicapability.h"

#include "panelcapability.h"
#include "panelspec.h"
#include "uihost.h"

#include <QKeySequence>

namespace objcap::host {

using objcap::ErrorCode;
using objcap::Result;
using objcap::Value;

namespace {

objcap::Error valueError(const std::string &message)
{
    return objcap::Error::make(ErrorCode::InvalidValue, message);
}

bool hasControlCharacters(const std::string &text)
{
    for (unsigned char c : text) {
        if (c < 0x20 || c == 0x7f)
            return true;
    }
    return false;
}

Result<QString> title(const objcap::Arguments &args, std::size_t limit)
{
    auto text = args.string(0, "title");
    if (!text)
        return text.error();
    if (text->empty() || text->size() > limit || hasControlCharacters(text.value()))
        return valueError(args.method() + "() title must be 1 to " + std::to_string(limit) +
                          " bytes on one line");
    return QString::fromStdString(text.value());
}

// A single chord with Ctrl, Alt or Meta: a bare key would take typing away from the editor.
Result<QKeySequence> shortcut(const Value &value)
{
    if (value.isNone())
        return QKeySequence();
    if (!value.is<std::string>())
        return objcap::Error::make(ErrorCode::InvalidArgument, "add_command() argument 'shortcut' must be str or None");
    const std::string &text = value.as<std::string>();
    const QKeySequence sequence =
        text.size() <= 64 ? QKeySequence::fromString(QString::fromStdString(text), QKeySequence::PortableText) : QKeySequence();
    const bool chord = sequence.count() == 1 && sequence[0].key() != Qt::Key_unknown &&
                       (sequence[0].keyboardModifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    if (!chord)
        return valueError("add_command() shortcut '" + text.substr(0, 64) +
                          "' must be one key with Ctrl, Alt or Meta, like \"Ctrl+Alt+W\"");
    return sequence;
}

} // namespace

UiCapability::UiCapability(std::shared_ptr<PluginUiState> state) : Capability("ui"), m_state(std::move(state)) {}

std::string UiCapability::scope() const
{
    return m_state->pluginName.toStdString();
}

std::vector<std::string> UiCapability::methods() const
{
    return {"add_command", "close_panel", "notify", "panel", "remove_command"};
}

Result<Value> UiCapability::call(const std::string &method, const objcap::Arguments &args)
{
    if (method == "add_command")
        return addCommand(args);
    if (method == "remove_command")
        return removeCommand(args);
    if (method == "notify")
        return notify(args);
    if (method == "panel")
        return panel(args);
    if (method == "close_panel")
        return closePanel(args);
    return objcap::Error::make(ErrorCode::InvalidArgument, "'ui' capability has no method '" + method + "'");
}

Result<Value> UiCapability::addCommand(const objcap::Arguments &args)
{
    auto name = title(args, maxTitleBytes);
    auto callback = args.callback(1, "callback");
    auto keys = args.get(2, "shortcut", Value());
    if (Result<void> ok = args.expect(3, {"title", "callback", "shortcut"}); !ok)
        return ok.error();
    if (!name)
        return name.error();
    if (!callback)
        return callback.error();
    if (!keys)
        return keys.error();
    auto sequence = shortcut(keys.value());
    if (!sequence)
        return sequence.error();
    {
        std::lock_guard lock(m_state->mutex);
        const std::string key = name->toStdString();
        if (!m_state->commands.count(key) && m_state->commands.size() >= static_cast<std::size_t>(maxCommands))
            return objcap::Error::make(ErrorCode::Refused,
                                       "too many commands (at most " + std::to_string(maxCommands) + ")");
        m_state->commands.insert(key);
    }
    auto queued = UiHost::post(m_state, [t = name.value(), s = sequence.value(),
                                         c = callback.value()](UiHost &host, const auto &state) {
        host.addCommand(*state, t, s, c);
    });
    if (!queued)
        return queued.error();
    return Value();
}

Result<Value> UiCapability::removeCommand(const objcap::Arguments &args)
{
    auto name = args.string(0, "title");
    if (Result<void> ok = args.expect(1, {"title"}); !ok)
        return ok.error();
    if (!name)
        return name.error();
    {
        std::lock_guard lock(m_state->mutex);
        if (m_state->commands.erase(name.value()) == 0)
            return Value(false);
    }
    auto queued = UiHost::post(m_state, [t = QString::fromStdString(name.value())](UiHost &host, const auto &state) {
        host.removeCommand(*state, t);
    });
    if (!queued)
        return queued.error();
    return Value(true);
}

Result<Value> UiCapability::notify(const objcap::Arguments &args)
{
    auto text = args.string(0, "text");
    auto level = args.string(1, "level", std::string("info"));
    if (Result<void> ok = args.expect(2, {"text", "level"}); !ok)
        return ok.error();
    if (!text)
        return text.error();
    if (!level)
        return level.error();
    if (text->size() > maxNotificationBytes)
        return valueError("notify() text is longer than " + std::to_string(maxNotificationBytes) + " bytes");
    if (level.value() != "info" && level.value() != "warning" && level.value() != "error")
        return valueError("notify() level must be 'info', 'warning' or 'error', not '" + level->substr(0, 32) + "'");
    // One line in the status bar: newlines and other controls become spaces.
    std::string line = text.value();
    for (char &c : line) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = ' ';
    }
    auto queued = UiHost::post(m_state, [t = QString::fromStdString(line), l = QString::fromStdString(level.value())](
                                            UiHost &host, const auto &state) { host.notify(*state, l, t); });
    if (!queued)
        return queued.error();
    return Value();
}

Result<Value> UiCapability::panel(const objcap::Arguments &args)
{
    auto name = args.string(0, "title");
    auto items = args.get(1, "items");
    if (Result<void> ok = args.expect(2, {"title", "items"}); !ok)
        return ok.error();
    if (!name)
        return name.error();
    if (!items)
        return items.error();
    auto spec = PanelSpec::parse(name.value(), items.value());
    if (!spec)
        return spec.error();
    quint64 serial;
    {
        std::lock_guard lock(m_state->mutex);
        serial = m_state->nextPanelSerial++;
    }
    auto queued = UiHost::post(m_state, [serial, s = spec.value()](UiHost &host, const auto &state) {
        host.showPanel(*state, serial, s);
    });
    if (!queued)
        return queued.error();
    {
        std::lock_guard lock(m_state->mutex);
        m_state->panelSerial = serial;
    }
    auto handle = std::make_shared<PanelCapability>(m_state, serial, spec.value(), *this);
    return Value(std::static_pointer_cast<objcap::Capability>(handle));
}

Result<Value> UiCapability::closePanel(const objcap::Arguments &args)
{
    if (Result<void> ok = args.expect(0, {}); !ok)
        return ok.error();
    quint64 serial;
    {
        std::lock_guard lock(m_state->mutex);
        serial = m_state->panelSerial;
        m_state->panelSerial = 0;
    }
    if (serial == 0)
        return Value();
    auto queued = UiHost::post(m_state, [serial](UiHost &host, const auto &state) { host.closePanel(*state, serial); });
    if (!queued)
        return queued.error();
    return Value();
}

} // namespace objcap::host
