#pragma once

#include <objcap/manifest.h>
#include <objcap/result.h>

#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace objcap::host {

// The installed plugins, shared by the CLI and the desktop host: code in
// <data>/plugins/<id>, each plugin's own data in <data>/data/<id>, and registry.json (written
// atomically with QSaveFile) holding for each plugin its version, enabled state and grants —
// capability name to scope ("files" -> "/home/me/notes:ro"; "log" -> ""). <data> is the
// user's data location (QStandardPaths::AppDataLocation).
class PluginRegistry {
public:
    struct Plugin {
        QString id;
        QString name;
        QString version;
        bool enabled = false;
        QMap<QString, QString> grants;  // capability -> scope
        QStringList requested;          // what its manifest asks for
        QStringList pendingApproval;    // asked for by an update, not granted yet
    };

    // Opens the registry at `dataRoot` (empty: the user's data location).
    static objcap::Result<PluginRegistry> open(const QString &dataRoot = {});

    const std::vector<Plugin> &plugins() const { return m_plugins; }
    const Plugin *find(const QString &id) const;
    QString codeFolder(const QString &id) const { return m_root + QStringLiteral("/plugins/") + id; }
    QString dataFolder(const QString &id) const { return m_root + QStringLiteral("/data/") + id; }

    // Installs or updates from a folder or .objcap package: everything is checked first, then
    // the code is swapped in atomically; an update keeps the data and the grants, and one that
    // asks for more leaves the new capabilities ungranted and the plugin disabled.
    objcap::Result<Plugin> install(const QString &path);
    // Removes the code and, with removeData, the plugin's data too.
    objcap::Result<void> uninstall(const QString &id, bool removeData);
    objcap::Result<void> grant(const QString &id, const QString &capability, const QString &scope);
    // A grant of an installed plugin in --grant syntax (CAP[=SCOPE]), with what the registry
    // leaves implicit: storage in the plugin's data folder, the files quota and the net origins
    // its manifest asks for. The CLI and the desktop host build the same capability from it.
    QString grantSpec(const Plugin &plugin, const objcap::Manifest &manifest, const QString &capability) const;
    objcap::Result<void> revoke(const QString &id, const QString &capability);
    objcap::Result<void> setEnabled(const QString &id, bool enabled);

private:
    objcap::Result<void> save() const;
    Plugin *findMutable(const QString &id);

    QString m_root;
    std::vector<Plugin> m_plugins;
};

} // namespace objcap::host
