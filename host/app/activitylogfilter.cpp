#include "activitylogfilter.h"

#include <QBrush>
#include <QColor>

namespace objcap::host {

ActivityLogFilter::ActivityLogFilter(ActivityLog *log, QObject *parent) : QSortFilterProxyModel(parent), m_log(log)
{
    setSourceModel(log);
    setSortRole(ActivityLog::TimestampRole);
}

void ActivityLogFilter::setFilter(const ActivityLog::Filter &filter)
{
    m_filter = filter;
    invalidateFilter();
}

bool ActivityLogFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return !sourceParent.isValid() && m_filter.matches(m_log->entry(sourceRow));
}

QVariant ActivityLogFilter::data(const QModelIndex &index, int role) const
{
    if (role == Qt::BackgroundRole || role == Qt::ForegroundRole) {
        if (QSortFilterProxyModel::data(index, ActivityLog::AllowedRole).toBool())
            return {};
        return role == Qt::BackgroundRole ? QBrush(QColor(0xfd, 0xe2, 0xe2)) : QBrush(QColor(0x8b, 0x00, 0x00));
    }
    return QSortFilterProxyModel::data(index, role);
}

} // namespace objcap::host
