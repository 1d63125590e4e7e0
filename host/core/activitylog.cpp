#include "activitylog.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>

namespace objcap::host {

namespace {

QString resultText(bool allowed)
{
    return allowed ? ActivityLog::tr("allowed") : ActivityLog::tr("refused");
}

} // namespace

bool ActivityLog::Filter::matches(const Entry &entry) const
{
    if (!plugin.isEmpty() && entry.plugin != plugin)
        return false;
    if (allowed && entry.allowed != *allowed)
        return false;
    if (text.isEmpty())
        return true;
    return entry.plugin.contains(text, Qt::CaseInsensitive) || entry.event.contains(text, Qt::CaseInsensitive)
        || entry.target.contains(text, Qt::CaseInsensitive);
}

ActivityLog::ActivityLog(int capacity, QObject *parent) : QAbstractTableModel(parent), m_capacity(qMax(1, capacity))
{
}

void ActivityLog::append(const QString &pluginId, const objcap::AuditRecord &record)
{
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(record.time.time_since_epoch()).count();
    Entry entry{QDateTime::fromMSecsSinceEpoch(qint64(ms), Qt::UTC), pluginId, QString::fromStdString(record.event),
                QString::fromStdString(record.detail), record.allowed};
    if (m_entries.size() >= size_t(m_capacity)) {
        const int drop = int(m_entries.size()) - m_capacity + 1;
        beginRemoveRows({}, 0, drop - 1);
        m_entries.erase(m_entries.begin(), m_entries.begin() + drop);
        endRemoveRows();
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.push_back(std::move(entry));
    endInsertRows();
    if (!m_plugins.contains(pluginId)) {
        m_plugins << pluginId;
        emit pluginAdded(pluginId);
    }
    if (!record.allowed) {
        ++m_refusals[pluginId];
        emit refused(pluginId);
    }
}

void ActivityLog::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

objcap::Result<int> ActivityLog::writeJsonLines(QIODevice &device, const Filter &filter) const
{
    int written = 0;
    for (const Entry &entry : m_entries) {
        if (!filter.matches(entry))
            continue;
        const QJsonObject line{{QStringLiteral("time"), entry.time.toString(Qt::ISODateWithMs)},
                               {QStringLiteral("plugin"), entry.plugin},
                               {QStringLiteral("event"), entry.event},
                               {QStringLiteral("target"), entry.target},
                               {QStringLiteral("allowed"), entry.allowed}};
        if (device.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n') < 0)
            return objcap::Error::make(objcap::ErrorCode::Io, device.errorString().toStdString());
        ++written;
    }
    return written;
}

int ActivityLog::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActivityLog::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityLog::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Entry &e = entry(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return e.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case PluginColumn:
            return e.plugin;
        case EventColumn:
            return e.event;
        case TargetColumn:
            return e.target;
        case ResultColumn:
            return resultText(e.allowed);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == TimeColumn ? e.time.toLocalTime().toString(Qt::ISODateWithMs) : e.target;
    case AllowedRole:
        return e.allowed;
    case TimestampRole:
        return e.time;
    default:
        return {};
    }
}

QVariant ActivityLog::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case PluginColumn:
        return tr("Plugin");
    case EventColumn:
        return tr("Capability or event");
    case TargetColumn:
        return tr("Target");
    case ResultColumn:
        return tr("Result");
    default:
        return {};
    }
}

} // namespace objcap::host
