#include "consoledock.h"

namespace objcap::host {

ConsoleDock::ConsoleDock(PluginInstance *instance, ConsoleWidget::Plugin plugin, QWidget *parent)
    : QDockWidget(tr("Console — %1").arg(plugin.name), parent), m_console(nullptr)
{
    setObjectName(QStringLiteral("console-") + plugin.id);
    m_console = new ConsoleWidget(instance, std::move(plugin), this);
    setWidget(m_console);
    setFocusProxy(m_console);
}

} // namespace objcap::host
