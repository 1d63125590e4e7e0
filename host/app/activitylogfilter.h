#pragma once

#include <activitylog.h>

#include <QSortFilterProxyModel>

namespace objcap::host {

// The rows of an ActivityLog a view shows (the same Filter an export applies), with refusals
// highlighted.
class ActivityLogFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ActivityLogFilter(ActivityLog *log, QObject *parent = nullptr);

    const ActivityLog::Filter &filter() const { return m_filter; }
    void setFilter(const ActivityLog::Filter &filter);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    ActivityLog *m_log;
    ActivityLog::Filter m_filter;
};

} // namespace objcap::host
