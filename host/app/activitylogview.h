#pragma once

#include <activitylog.h>

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace objcap::host {

class ActivityLogFilter;

// The activity log as a table: filter by plugin, by result and by text, export what is shown
// as JSON Lines. Follows the newest row unless the user scrolled away from it.
class ActivityLogView : public QWidget {
    Q_OBJECT
public:
    explicit ActivityLogView(ActivityLog *log, QWidget *parent = nullptr);

    ActivityLog::Filter filter() const;
    void setPluginFilter(const QString &pluginId);  // empty: all plugins
    void setResultFilter(std::optional<bool> allowed);  // nullopt: all
    void setTextFilter(const QString &text);
    // Shows the plugin by this label (its name) in the plugin filter; rows keep the id.
    void setPluginLabel(const QString &pluginId, const QString &label);
    int visibleRows() const;
    QTableView *table() const { return m_table; }

    // Writes the rows shown now to `path` as JSON Lines; the number written.
    objcap::Result<int> exportTo(const QString &path) const;

public slots:
    void exportWithDialog();

private:
    void applyFilter();
    void addPlugin(const QString &pluginId);

    ActivityLog *m_log;
    ActivityLogFilter *m_proxy;
    QTableView *m_table;
    QComboBox *m_plugins;
    QComboBox *m_results;
    QLineEdit *m_text;
    QPushButton *m_export;
    QLabel *m_count;
    bool m_following = true;
};

} // namespace objcap::host
