#include "commandpalette.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace objcap::host {

namespace {

constexpr int actionRole = Qt::UserRole + 1;

QString paletteText(const QAction *action)
{
    const QVariant explicitText = action->property("paletteText");
    if (explicitText.isValid())
        return explicitText.toString();
    QString text = action->text();
    return text.replace(QLatin1String("&&"), QLatin1String("\x01")).remove(QLatin1Char('&')).replace(QLatin1Char('\x01'), QLatin1Char('&'));
}

} // namespace

CommandPalette::CommandPalette(QWidget *parent)
    : QDialog(parent), m_filter(new QLineEdit(this)), m_list(new QListView(this)), m_model(new QStandardItemModel(this)),
      m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("commandPalette"));
    setWindowTitle(tr("Command Palette"));
    m_filter->setObjectName(QStringLiteral("commandFilter"));
    m_filter->setPlaceholderText(tr("Type to filter commands"));
    m_filter->installEventFilter(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_list->setModel(m_proxy);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    resize(480, 320);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        selectFirst();
    });
    connect(m_filter, &QLineEdit::returnPressed, this, &CommandPalette::runCurrent);
    connect(m_list, &QListView::activated, this, &CommandPalette::runCurrent);
}

void CommandPalette::setCommands(const QList<QAction *> &actions)
{
    m_model->clear();
    m_actions.clear();
    for (QAction *action : actions) {
        auto *row = new QStandardItem(paletteText(action));
        row->setData(static_cast<int>(m_actions.size()), actionRole);
        row->setEnabled(action->isEnabled());
        m_model->appendRow(row);
        m_actions << action;
    }
    m_model->sort(0);
    m_filter->clear();
    selectFirst();
}

QStringList CommandPalette::visibleCommands() const
{
    QStringList out;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        out << m_proxy->index(row, 0).data().toString();
    return out;
}

void CommandPalette::runCurrent()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return;
    QPointer<QAction> action = m_actions.value(current.data(actionRole).toInt());
    accept();
    if (action && action->isEnabled())
        action->trigger();
}

void CommandPalette::selectFirst()
{
    m_list->setCurrentIndex(m_proxy->index(0, 0));
}

// Up and Down move through the list while typing in the filter.
bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_PageUp || key == Qt::Key_PageDown) {
            QCoreApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace objcap::host
