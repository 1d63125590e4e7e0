#pragma once

#include <objcap/runtime.h>

#include <QMainWindow>
#include <QStringList>

class QLabel;
class QListWidget;

namespace objcap::host {

// The desktop host's window. For now it shows the embedded runtime and the plugins found in
// the plugin folders; the plugin manager, permission review and dev console come later.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    MainWindow(const objcap::RuntimeInfo &runtime, const QStringList &pluginRoots, QWidget *parent = nullptr);

    QString runtimeSummary() const;
    QStringList listedPlugins() const;

public slots:
    void refreshPlugins();

private:
    QStringList m_pluginRoots;
    QLabel *m_runtimeLabel;
    QLabel *m_foldersLabel;
    QListWidget *m_plugins;
};

} // namespace objcap::host
