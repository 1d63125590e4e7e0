#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QMimeData;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace objcap::host {

class ActivityLog;
class PermissionReviewDialog;
class PluginHost;

// The plugin manager: every installed plugin with its icon, name, version, state, enabled
// switch and refusal count; the selected one's manifest, each capability it asks for (with its
// reason) against what it was granted, a toggle and Revoke per capability, its data folder and
// its last error with the traceback; Install (file dialog or a dropped .objcap), Update,
// Uninstall (asking whether to keep the data), Reload and its console.
class PluginManager : public QWidget {
    Q_OBJECT
public:
    // How the permission review is shown: true if the user accepted it. Tests replace it.
    using ReviewRunner = std::function<bool(PermissionReviewDialog &)>;

    PluginManager(PluginHost *host, ActivityLog *activity, QWidget *parent = nullptr);

    void setReviewRunner(ReviewRunner runner) { m_review = std::move(runner); }
    QString selectedId() const;
    void select(const QString &id);
    QListWidget *list() const { return m_list; }
    QTableWidget *capabilities() const { return m_capabilities; }

    // Install or update from a folder or .objcap through the permission review; nothing is
    // installed unless the user accepts. The message shown on failure, or empty.
    QString installFrom(const QString &path);
    // The .objcap files dropped (on the manager or the main window), and installing them.
    static QStringList packagesIn(const QMimeData *data);
    void installDropped(const QMimeData *data);

public slots:
    // Shows a problem (in the status bar and a warning box, as plain text); nothing if empty.
    void report(const QString &problem);
    void installWithDialog();
    void updateSelectedWithDialog();
    void uninstallSelected();
    // The permission review of an installed plugin (one installed from a plugins folder, say).
    void reviewSelected();
    void refresh();
    void scheduleRefresh();

signals:
    void consoleRequested(const QString &id);
    void message(const QString &text);  // for the status bar

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void showDetails();
    void toggleCapability(const QString &capability, bool granted);

    PluginHost *m_host;
    ActivityLog *m_activity;
    ReviewRunner m_review;
    QListWidget *m_list;
    QLabel *m_details;
    QTableWidget *m_capabilities;
    QLabel *m_error;
    QPlainTextEdit *m_traceback;
    QPushButton *m_permissions, *m_update, *m_uninstall, *m_reload, *m_console;
    bool m_refreshing = false;
    bool m_refreshPending = false;
};

} // namespace objcap::host
