#pragma once

#include "consolewidget.h"

#include <QDockWidget>

namespace objcap::host {

// A plugin's console as a dock of the main window, titled after the plugin; its object name
// ("console-<plugin id>") lets QMainWindow::saveState remember where it was.
class ConsoleDock : public QDockWidget {
    Q_OBJECT
public:
    ConsoleDock(PluginInstance *instance, ConsoleWidget::Plugin plugin, QWidget *parent = nullptr);

    ConsoleWidget *console() const { return m_console; }

private:
    ConsoleWidget *m_console;
};

} // namespace objcap::host
