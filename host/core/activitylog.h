#pragma once

#include <objcap/auditrecord.h>
#include <objcap/result.h>

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <deque>
#include <optional>

class QIODevice;

namespace objcap::host {

// Every audit record of every plugin, newest last: capability calls ("files.read_text"),
// imports, and each refusal. Bounded: past `capacity` rows the oldest go.
class ActivityLog : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, PluginColumn, EventColumn, TargetColumn, ResultColumn, ColumnCount };
    enum Role {
        AllowedRole = Qt::UserRole + 1,  // bool
        TimestampRole,                   // QDateTime (UTC), for sorting by time
    };
    struct Entry {
        QDateTime time;  // UTC
        QString plugin;
        QString event;   // a capability and method ("log.info"), or an event ("import", "open")
        QString target;  // what it was about: a path, a module, a capability's target
        bool allowed = false;
    };
    // Which rows a view shows and an export writes. Empty fields match everything.
    struct Filter {
        QString plugin;
        std::optional<bool> allowed;
        QString text;  // case-insensitive, in the plugin, event or target
        bool matches(const Entry &entry) const;
    };
    static constexpr int defaultCapacity = 10000;

    explicit ActivityLog(int capacity = defaultCapacity, QObject *parent = nullptr);

    void append(const QString &pluginId, const objcap::AuditRecord &record);
    void clear();

    const Entry &entry(int row) const { return m_entries.at(size_t(row)); }
    QStringList plugins() const { return m_plugins; }  // every plugin seen, in order of appearance
    // Refusals of a plugin since the log began, including rows dropped for the bound.
    int refusalCount(const QString &pluginId) const { return m_refusals.value(pluginId); }
    // One JSON object a line ({"time", "plugin", "event", "target", "allowed"}) for each
    // row the filter matches, oldest first; the number of rows written.
    objcap::Result<int> writeJsonLines(QIODevice &device, const Filter &filter = {}) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void pluginAdded(const QString &pluginId);
    void refused(const QString &pluginId);  // each refusal as it is appended

private:
    int m_capacity;
    std::deque<Entry> m_entries;
    QStringList m_plugins;
    QHash<QString, int> m_refusals;
};

} // namespace objcap::host
