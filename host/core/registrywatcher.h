#pragma once

#include "pluginregistry.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace objcap::host {

// Follows registry.json while other processes (the CLI, the desktop host) change it, and says
// what changed for each plugin, so that a host can apply it to a plugin it is running:
// revoke what grantsRevoked() names in the running sandbox, stop a plugin that was disabled or
// uninstalled. It only reports; what to do is the host's.
//
// registry.json is replaced by an atomic rename on every save, which drops the file from a
// QFileSystemWatcher: the watcher follows its folder too and watches the new file again after
// each change. Signals are emitted from the thread the watcher lives on, which must run an
// event loop (or call QCoreApplication::processEvents()).
class RegistryWatcher : public QObject {
    Q_OBJECT
public:
    // Watches the registry at `dataRoot` (empty: the user's data location, as
    // PluginRegistry::open()) and reads it once now: later signals compare with that.
    explicit RegistryWatcher(const QString &dataRoot = {}, QObject *parent = nullptr);

    // The plugins as last read.
    const std::vector<PluginRegistry::Plugin> &plugins() const { return m_plugins; }

signals:
    // Grants taken from the plugin: revoked, or re-granted with another scope (what the
    // plugin held is gone; the new scope applies when it next starts). Emitted first.
    void grantsRevoked(const QString &id, const QStringList &capabilities);
    void disabled(const QString &id);
    void uninstalled(const QString &id);
    // Anything in the plugin's entry changed (also after the signals above); `plugin` is the
    // new entry.
    void pluginChanged(const objcap::host::PluginRegistry::Plugin &plugin);
    // The registry could not be read after a change; the last state read stays.
    void readFailed(const QString &message);

private:
    void reread();
    void compare(const std::vector<PluginRegistry::Plugin> &now);

    QString m_root;
    QString m_file;
    QFileSystemWatcher m_watcher;
    std::vector<PluginRegistry::Plugin> m_plugins;
};

} // namespace objcap::host
