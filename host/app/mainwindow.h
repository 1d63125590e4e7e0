#pragma once

#include <objcap/runtime.h>

#include <QMainWindow>
#include <QMap>
#include <QPointer>

class QDockWidget;

namespace objcap::host {

class ActivityLog;
class ActivityLogView;
class ConsoleDock;
class DocumentEditor;
class PluginHost;
class PluginManager;
class UiHost;

// objcap-host's window: a plain-text editor that plugins extend through the document and ui
// capabilities, with the plugin manager, the activity log and one dev console per plugin as
// docks. Layout and geometry are remembered (QSettings). The GUI thread never runs Python:
// every plugin call goes through PluginHost and comes back as a signal.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    MainWindow(const objcap::RuntimeInfo &runtime, PluginHost &host, QWidget *parent = nullptr);
    ~MainWindow() override;

    QString runtimeSummary() const;
    DocumentEditor *editor() const { return m_editor; }
    PluginManager *pluginManager() const { return m_manager; }
    ActivityLog *activityLog() const { return m_activity; }
    ActivityLogView *activityLogView() const { return m_activityView; }
    UiHost *uiHost() const { return m_ui; }
    // The plugin's console dock, created (and shown) on first use.
    ConsoleDock *consoleFor(const QString &id);

public slots:
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void defineHostCapabilities();
    void updateTitle();
    QDockWidget *addDock(const QString &objectName, const QString &title, QWidget *widget, Qt::DockWidgetArea area);

    objcap::RuntimeInfo m_runtime;
    PluginHost &m_host;
    DocumentEditor *m_editor;
    ActivityLog *m_activity;
    ActivityLogView *m_activityView;
    PluginManager *m_manager;
    UiHost *m_ui = nullptr;
    QMenu *m_pluginsMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMap<QString, QPointer<ConsoleDock>> m_consoles;
};

} // namespace objcap::host
