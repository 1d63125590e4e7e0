#pragma once

#include "panelspec.h"

#include <objcap/value.h>

#include <QHash>
#include <QWidget>

#include <functional>

namespace objcap::host {

// Renders a plugin's PanelSpec with plain Qt widgets (objectName = the item's id; labels never
// interpret rich text) and reports what the user does as (id, event, value):
//   button clicked -> ("go", "clicked", None)
//   input Enter    -> ("q", "submitted", "the text")
//   list activated -> ("results", "activated", "the entry")
// GUI thread only; the plugin never sees a widget.
class PanelWidget : public QWidget {
    Q_OBJECT

public:
    using EventHandler = std::function<void(const QString &id, const QString &event, const objcap::Value &value)>;

    PanelWidget(const PanelSpec &spec, EventHandler onEvent, QWidget *parent = nullptr);

    // Applies checked properties to item `id`; false if there is no such item.
    bool apply(const QString &id, const PanelSpec::Props &props);
    QWidget *item(const QString &id) const { return m_items.value(id); }

private:
    QWidget *create(const PanelSpec::Item &item);

    EventHandler m_onEvent;
    QHash<QString, QWidget *> m_items;
    QHash<QString, PanelSpec::Type> m_types;
};

} // namespace objcap::host
