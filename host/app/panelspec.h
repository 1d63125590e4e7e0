#pragma once

#include <objcap/result.h>
#include <objcap/value.h>

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace objcap::host {

// A plugin's dock panel as data, checked strictly on the plugin's thread before anything reaches
// the GUI. Items (all keys but type and id optional):
//   {"type": "label",    "id", "text"}
//   {"type": "button",   "id", "text", "enabled"}
//   {"type": "input",    "id", "text", "placeholder", "enabled"}
//   {"type": "list",     "id", "items": [str], "enabled"}
//   {"type": "progress", "id", "value", "max"}          0 <= value <= max, max >= 1
// TypeError for a value of the wrong type, a missing type/id or an unknown key; ValueError for
// an unknown type, a malformed or duplicate id, and anything over the limits below.
struct PanelSpec {
    static constexpr int maxItems = 64;
    static constexpr int maxIdLength = 64;
    static constexpr int maxTitleLength = 128;
    static constexpr qsizetype maxTextBytes = 8192;
    static constexpr int maxListItems = 1000;
    static constexpr std::int64_t maxProgress = 1'000'000'000;

    enum class Type { Label, Button, Input, List, Progress };
    // The properties an item has; set ones are applied (by update() only those given).
    struct Props {
        std::optional<QString> text, placeholder;
        std::optional<bool> enabled;
        std::optional<QStringList> items;
        std::optional<std::int64_t> value, max;
    };
    struct Item {
        Type type;
        QString id;
        Props props;
    };

    QString title;
    std::vector<Item> items;

    static objcap::Result<PanelSpec> parse(const std::string &title, const objcap::Value &items);
    // Checks props for update(id, ...) of an item of this type; `what` names it in messages.
    static objcap::Result<Props> parseProps(Type type, const objcap::Value::Dict &props, const std::string &what);
    static const char *typeName(Type type);
};

} // namespace objcap::host
