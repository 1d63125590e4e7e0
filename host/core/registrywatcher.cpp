#include "registrywatcher.h"

#include <QStandardPaths>

#include <utility>

namespace objcap::host {

namespace {

bool sameEntry(const PluginRegistry::Plugin &a, const PluginRegistry::Plugin &b)
{
    return a.name == b.name && a.version == b.version && a.enabled == b.enabled && a.grants == b.grants &&
           a.requested == b.requested && a.pendingApproval == b.pendingApproval;
}

const PluginRegistry::Plugin *findIn(const std::vector<PluginRegistry::Plugin> &plugins, const QString &id)
{
    for (const PluginRegistry::Plugin &p : plugins) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

} // namespace

RegistryWatcher::RegistryWatcher(const QString &dataRoot, QObject *parent)
    : QObject(parent)
    , m_root(dataRoot.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : dataRoot)
    , m_file(m_root + QStringLiteral("/registry.json"))
{
    // Opening creates the folder, so it can be watched before any registry.json exists.
    if (auto registry = PluginRegistry::open(m_root))
        m_plugins = registry->plugins();
    m_watcher.addPath(m_root);
    m_watcher.addPath(m_file);  // fails quietly while there is no file yet
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &RegistryWatcher::reread);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &RegistryWatcher::reread);
}

void RegistryWatcher::reread()
{
    // A rename put a new file in place of the watched one: watch that.
    if (!m_watcher.files().contains(m_file))
        m_watcher.addPath(m_file);
    auto registry = PluginRegistry::open(m_root);
    if (!registry) {
        emit readFailed(QString::fromStdString(registry.error().message));
        return;
    }
    compare(registry->plugins());
}

void RegistryWatcher::compare(const std::vector<PluginRegistry::Plugin> &now)
{
    const std::vector<PluginRegistry::Plugin> before = std::exchange(m_plugins, now);
    for (const PluginRegistry::Plugin &old : before) {
        const PluginRegistry::Plugin *current = findIn(now, old.id);
        if (!current) {
            if (!old.grants.isEmpty())
                emit grantsRevoked(old.id, old.grants.keys());
            emit uninstalled(old.id);
            continue;
        }
        if (sameEntry(old, *current))
            continue;
        QStringList taken;
        for (auto it = old.grants.begin(); it != old.grants.end(); ++it) {
            if (!current->grants.contains(it.key()) || current->grants.value(it.key()) != it.value())
                taken << it.key();
        }
        if (!taken.isEmpty())
            emit grantsRevoked(old.id, taken);
        if (old.enabled && !current->enabled)
            emit disabled(old.id);
        emit pluginChanged(*current);
    }
    for (const PluginRegistry::Plugin &added : now) {
        if (!findIn(before, added.id))
            emit pluginChanged(added);
    }
}

} // namespace objcap::host
