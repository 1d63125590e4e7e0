#include "activitylogview.h"

#include "activitylogfilter.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace objcap::host {

namespace {

constexpr int allResults = -1;

} // namespace

ActivityLogView::ActivityLogView(ActivityLog *log, QWidget *parent)
    : QWidget(parent), m_log(log), m_proxy(new ActivityLogFilter(log, this)), m_table(new QTableView(this)),
      m_plugins(new QComboBox(this)), m_results(new QComboBox(this)), m_text(new QLineEdit(this)),
      m_export(new QPushButton(tr("Export…"), this)), m_count(new QLabel(this))
{
    m_plugins->addItem(tr("All plugins"), QString());
    for (const QString &plugin : log->plugins())
        addPlugin(plugin);
    m_results->addItem(tr("All results"), allResults);
    m_results->addItem(tr("Allowed"), 1);
    m_results->addItem(tr("Refused"), 0);
    m_text->setPlaceholderText(tr("Filter by capability, event or target"));
    m_text->setClearButtonEnabled(true);

    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ActivityLog::TimeColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(ActivityLog::TargetColumn, QHeaderView::Stretch);
    for (int column : {ActivityLog::TimeColumn, ActivityLog::PluginColumn, ActivityLog::EventColumn, ActivityLog::ResultColumn})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_plugins);
    filters->addWidget(m_results);
    filters->addWidget(m_text, 1);
    filters->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    connect(m_plugins, &QComboBox::currentIndexChanged, this, &ActivityLogView::applyFilter);
    connect(m_results, &QComboBox::currentIndexChanged, this, &ActivityLogView::applyFilter);
    connect(m_text, &QLineEdit::textChanged, this, &ActivityLogView::applyFilter);
    connect(m_export, &QPushButton::clicked, this, &ActivityLogView::exportWithDialog);
    connect(log, &ActivityLog::pluginAdded, this, &ActivityLogView::addPlugin);
    // Follow the newest row, unless the user scrolled up to read.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = m_table->verticalScrollBar();
        m_following = bar->value() == bar->maximum();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_following)
            m_table->scrollToBottom();
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, [this] { m_count->setText(tr("%n row(s)", nullptr, visibleRows())); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] { m_count->setText(tr("%n row(s)", nullptr, visibleRows())); });
    m_count->setText(tr("%n row(s)", nullptr, visibleRows()));
}

void ActivityLogView::addPlugin(const QString &pluginId)
{
    if (m_plugins->findData(pluginId) < 0)
        m_plugins->addItem(pluginId, pluginId);
}

ActivityLog::Filter ActivityLogView::filter() const
{
    return m_proxy->filter();
}

void ActivityLogView::applyFilter()
{
    ActivityLog::Filter filter;
    filter.plugin = m_plugins->currentData().toString();
    if (const int result = m_results->currentData().toInt(); result != allResults)
        filter.allowed = result == 1;
    filter.text = m_text->text().trimmed();
    m_proxy->setFilter(filter);
    m_count->setText(tr("%n row(s)", nullptr, visibleRows()));
}

void ActivityLogView::setPluginFilter(const QString &pluginId)
{
    addPlugin(pluginId);
    m_plugins->setCurrentIndex(pluginId.isEmpty() ? 0 : m_plugins->findData(pluginId));
}

void ActivityLogView::setResultFilter(std::optional<bool> allowed)
{
    m_results->setCurrentIndex(m_results->findData(allowed ? int(*allowed) : allResults));
}

void ActivityLogView::setTextFilter(const QString &text)
{
    m_text->setText(text);
}

void ActivityLogView::setPluginLabel(const QString &pluginId, const QString &label)
{
    addPlugin(pluginId);
    m_plugins->setItemText(m_plugins->findData(pluginId), label);
}

int ActivityLogView::visibleRows() const
{
    return m_proxy->rowCount();
}

objcap::Result<int> ActivityLogView::exportTo(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return objcap::Error::make(objcap::ErrorCode::Io, file.errorString().toStdString());
    objcap::Result<int> written = m_log->writeJsonLines(file, m_proxy->filter());
    if (!written)
        return written;
    if (!file.commit())
        return objcap::Error::make(objcap::ErrorCode::Io, file.errorString().toStdString());
    return written;
}

void ActivityLogView::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the activity log"), QStringLiteral("activity.jsonl"),
                                                      tr("JSON Lines (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    if (objcap::Result<int> written = exportTo(path); !written)
        QMessageBox::warning(this, tr("Export failed"),
                             tr("The activity log could not be written to %1: %2")
                                 .arg(path, QString::fromStdString(written.error().message)));
}

} // namespace objcap::host
