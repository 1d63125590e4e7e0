#include "panelwidget.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace objcap::host {

PanelWidget::PanelWidget(const PanelSpec &spec, EventHandler onEvent, QWidget *parent)
    : QWidget(parent), m_onEvent(std::move(onEvent))
{
    auto *layout = new QVBoxLayout(this);
    for (const PanelSpec::Item &item : spec.items) {
        QWidget *widget = create(item);
        widget->setObjectName(item.id);
        m_items.insert(item.id, widget);
        m_types.insert(item.id, item.type);
        layout->addWidget(widget);
        apply(item.id, item.props);
    }
    layout->addStretch(1);
}

QWidget *PanelWidget::create(const PanelSpec::Item &item)
{
    const QString id = item.id;
    switch (item.type) {
    case PanelSpec::Type::Label: {
        auto *label = new QLabel(this);
        label->setTextFormat(Qt::PlainText);  // a plugin's text is never markup or a link
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    }
    case PanelSpec::Type::Button: {
        auto *button = new QPushButton(this);
        connect(button, &QPushButton::clicked, this, [this, id] { m_onEvent(id, QStringLiteral("clicked"), {}); });
        return button;
    }
    case PanelSpec::Type::Input: {
        auto *input = new QLineEdit(this);
        connect(input, &QLineEdit::returnPressed, this, [this, id, input] {
            m_onEvent(id, QStringLiteral("submitted"), objcap::Value(input->text().toStdString()));
        });
        return input;
    }
    case PanelSpec::Type::List: {
        auto *list = new QListWidget(this);
        connect(list, &QListWidget::itemActivated, this, [this, id](QListWidgetItem *entry) {
            m_onEvent(id, QStringLiteral("activated"), objcap::Value(entry->text().toStdString()));
        });
        return list;
    }
    case PanelSpec::Type::Progress: {
        auto *bar = new QProgressBar(this);
        bar->setRange(0, 100);
        bar->setValue(0);
        return bar;
    }
    }
    return new QWidget(this);
}

bool PanelWidget::apply(const QString &id, const PanelSpec::Props &props)
{
    QWidget *widget = m_items.value(id);
    if (!widget)
        return false;
    if (props.enabled)
        widget->setEnabled(*props.enabled);
    switch (m_types.value(id)) {
    case PanelSpec::Type::Label:
        if (props.text)
            static_cast<QLabel *>(widget)->setText(*props.text);
        break;
    case PanelSpec::Type::Button:
        if (props.text) {
            QString text = *props.text;
            static_cast<QPushButton *>(widget)->setText(text.replace(QLatin1Char('&'), QLatin1String("&&")));
        }
        break;
    case PanelSpec::Type::Input: {
        auto *input = static_cast<QLineEdit *>(widget);
        if (props.text)
            input->setText(*props.text);
        if (props.placeholder)
            input->setPlaceholderText(*props.placeholder);
        break;
    }
    case PanelSpec::Type::List:
        if (props.items) {
            auto *list = static_cast<QListWidget *>(widget);
            list->clear();
            list->addItems(*props.items);
        }
        break;
    case PanelSpec::Type::Progress: {
        auto *bar = static_cast<QProgressBar *>(widget);
        if (props.max)
            bar->setMaximum(static_cast<int>(*props.max));
        if (props.value)
            bar->setValue(static_cast<int>(std::min<std::int64_t>(*props.value, bar->maximum())));
        break;
    }
    }
    return true;
}

} // namespace objcap::host
