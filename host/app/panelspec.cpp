#include "panelspec.h"

#include <set>

namespace objcap::host {

using objcap::ErrorCode;
using objcap::Value;

namespace {

objcap::Error typeError(const std::string &message)
{
    return objcap::Error::make(ErrorCode::InvalidArgument, message);
}

objcap::Error valueError(const std::string &message)
{
    return objcap::Error::make(ErrorCode::InvalidValue, message);
}

const char *valueKind(const Value &v)
{
    if (v.isNone()) return "None";
    if (v.is<bool>()) return "bool";
    if (v.is<std::int64_t>()) return "int";
    if (v.is<double>()) return "float";
    if (v.is<std::string>()) return "str";
    if (v.is<objcap::Bytes>()) return "bytes";
    if (v.is<Value::List>()) return "list";
    if (v.is<Value::Dict>()) return "dict";
    return "object";
}

objcap::Result<QString> text(const Value &v, const std::string &what)
{
    if (!v.is<std::string>())
        return typeError(what + " must be str, not " + valueKind(v));
    if (v.as<std::string>().size() > static_cast<std::size_t>(PanelSpec::maxTextBytes))
        return valueError(what + " is longer than " + std::to_string(PanelSpec::maxTextBytes) + " bytes");
    return QString::fromStdString(v.as<std::string>());
}

objcap::Result<std::int64_t> number(const Value &v, const std::string &what, std::int64_t low)
{
    if (!v.is<std::int64_t>())
        return typeError(what + " must be int, not " + valueKind(v));
    const std::int64_t n = v.as<std::int64_t>();
    if (n < low || n > PanelSpec::maxProgress)
        return valueError(what + " must be between " + std::to_string(low) + " and " +
                          std::to_string(PanelSpec::maxProgress));
    return n;
}

std::vector<const char *> keysOf(PanelSpec::Type type)
{
    switch (type) {
    case PanelSpec::Type::Label: return {"text"};
    case PanelSpec::Type::Button: return {"text", "enabled"};
    case PanelSpec::Type::Input: return {"text", "placeholder", "enabled"};
    case PanelSpec::Type::List: return {"items", "enabled"};
    case PanelSpec::Type::Progress: return {"value", "max"};
    }
    return {};
}

bool validId(const std::string &id)
{
    if (id.empty() || id.size() > static_cast<std::size_t>(PanelSpec::maxIdLength))
        return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

const char *PanelSpec::typeName(Type type)
{
    switch (type) {
    case Type::Label: return "label";
    case Type::Button: return "button";
    case Type::Input: return "input";
    case Type::List: return "list";
    case Type::Progress: return "progress";
    }
    return "?";
}

objcap::Result<PanelSpec::Props> PanelSpec::parseProps(Type type, const Value::Dict &props, const std::string &what)
{
    const std::vector<const char *> known = keysOf(type);
    Props out;
    for (const auto &[key, value] : props) {
        bool ok = false;
        for (const char *k : known)
            ok = ok || key == k;
        if (!ok)
            return typeError(what + " got an unexpected key '" + key + "'");
        const std::string field = what + " '" + key + "'";
        if (key == "text" || key == "placeholder") {
            auto t = text(value, field);
            if (!t)
                return t.error();
            (key == "text" ? out.text : out.placeholder) = t.value();
        } else if (key == "enabled") {
            if (!value.is<bool>())
                return typeError(field + " must be bool, not " + valueKind(value));
            out.enabled = value.as<bool>();
        } else if (key == "items") {
            if (!value.is<Value::List>())
                return typeError(field + " must be list, not " + valueKind(value));
            const auto &list = value.as<Value::List>();
            if (list.size() > static_cast<std::size_t>(maxListItems))
                return valueError(field + " has more than " + std::to_string(maxListItems) + " entries");
            QStringList entries;
            for (std::size_t i = 0; i < list.size(); ++i) {
                auto t = text(list[i], field + " entry " + std::to_string(i));
                if (!t)
                    return t.error();
                entries << t.value();
            }
            out.items = entries;
        } else {  // value, max
            auto n = number(value, field, key == "max" ? 1 : 0);
            if (!n)
                return n.error();
            (key == "max" ? out.max : out.value) = n.value();
        }
    }
    if (out.value && out.max && *out.value > *out.max)
        return valueError(what + " 'value' is greater than its 'max'");
    return out;
}

objcap::Result<PanelSpec> PanelSpec::parse(const std::string &title, const Value &items)
{
    PanelSpec spec;
    if (title.empty() || title.size() > static_cast<std::size_t>(maxTitleLength))
        return valueError("panel() title must be 1 to " + std::to_string(maxTitleLength) + " bytes");
    spec.title = QString::fromStdString(title);
    if (!items.is<Value::List>())
        return typeError(std::string("panel() argument 'items' must be list, not ") + valueKind(items));
    const auto &list = items.as<Value::List>();
    if (list.size() > static_cast<std::size_t>(maxItems))
        return valueError("panel() takes at most " + std::to_string(maxItems) + " items");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string where = "panel item " + std::to_string(i);
        if (!list[i].is<Value::Dict>())
            return typeError(where + " must be dict, not " + valueKind(list[i]));
        const Value *typeValue = nullptr, *idValue = nullptr;
        Value::Dict props;
        for (const auto &[key, value] : list[i].as<Value::Dict>()) {
            if (key == "type")
                typeValue = &value;
            else if (key == "id")
                idValue = &value;
            else
                props.emplace_back(key, value);
        }
        if (!typeValue)
            return typeError(where + " is missing required key 'type'");
        if (!typeValue->is<std::string>())
            return typeError(where + " 'type' must be str, not " + valueKind(*typeValue));
        const std::string &typeName = typeValue->as<std::string>();
        Item item;
        if (typeName == "label") item.type = Type::Label;
        else if (typeName == "button") item.type = Type::Button;
        else if (typeName == "input") item.type = Type::Input;
        else if (typeName == "list") item.type = Type::List;
        else if (typeName == "progress") item.type = Type::Progress;
        else
            return valueError(where + " has unknown type '" + typeName.substr(0, 64) +
                              "' (expected label, button, input, list or progress)");
        if (!idValue)
            return typeError(where + " (" + typeName + ") is missing required key 'id'");
        if (!idValue->is<std::string>())
            return typeError(where + " 'id' must be str, not " + valueKind(*idValue));
        const std::string &id = idValue->as<std::string>();
        if (!validId(id))
            return valueError(where + " 'id' must be 1 to 64 letters, digits, '_' or '-'");
        if (!ids.insert(id).second)
            return valueError(where + " repeats the id '" + id + "'");
        item.id = QString::fromStdString(id);
        auto parsed = parseProps(item.type, props, "panel item '" + id + "' (" + typeName + ")");
        if (!parsed)
            return parsed.error();
        item.props = parsed.value();
        if (item.type == Type::Progress && item.props.value.value_or(0) > item.props.max.value_or(100))
            return valueError("panel item '" + id + "' (progress) 'value' is greater than its 'max'");
        spec.items.push_back(std::move(item));
    }
    return spec;
}

} // namespace objcap::host
