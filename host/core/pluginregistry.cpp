#include "pluginregistry.h"

#include <objcap/package.h>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace objcap::host {

namespace {

objcap::Error failure(const QString &message)
{
    return objcap::Error::make(objcap::ErrorCode::InvalidValue, message.toStdString());
}

QStringList requestedBy(const objcap::Manifest &manifest)
{
    QStringList names;
    for (const objcap::CapabilityRequest &c : manifest.capabilities())
        names << QString::fromStdString(c.name);
    return names;
}

bool copyFolder(const QString &from, const QString &to)
{
    QDir source(from);
    if (!QDir().mkpath(to))
        return false;
    for (const QFileInfo &entry : source.entryInfoList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden)) {
        if (entry.isSymLink())
            continue;  // a plugin folder's symlinks are not part of the plugin
        const QString target = to + u'/' + entry.fileName();
        if (entry.isDir() ? !copyFolder(entry.filePath(), target) : !QFile::copy(entry.filePath(), target))
            return false;
    }
    return true;
}

} // namespace

objcap::Result<PluginRegistry> PluginRegistry::open(const QString &dataRoot)
{
    PluginRegistry registry;
    registry.m_root = dataRoot.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : dataRoot;
    if (!QDir().mkpath(registry.m_root + QStringLiteral("/plugins")) || !QDir().mkpath(registry.m_root + QStringLiteral("/data")))
        return failure(QStringLiteral("cannot create the plugin folders in %1").arg(registry.m_root));
    QFile file(registry.m_root + QStringLiteral("/registry.json"));
    if (!file.exists())
        return registry;
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return failure(QStringLiteral("%1 is damaged (%2 at offset %3); it was left as it is")
                           .arg(file.fileName(), error.errorString())
                           .arg(error.offset));
    for (const QJsonValue &value : document.object().value(QStringLiteral("plugins")).toArray()) {
        const QJsonObject o = value.toObject();
        Plugin p;
        p.id = o.value(QStringLiteral("id")).toString();
        p.name = o.value(QStringLiteral("name")).toString();
        p.version = o.value(QStringLiteral("version")).toString();
        p.enabled = o.value(QStringLiteral("enabled")).toBool();
        const QJsonObject grants = o.value(QStringLiteral("grants")).toObject();
        for (auto it = grants.begin(); it != grants.end(); ++it)
            p.grants.insert(it.key(), it.value().toString());
        for (const QJsonValue &r : o.value(QStringLiteral("requested")).toArray())
            p.requested << r.toString();
        for (const QJsonValue &r : o.value(QStringLiteral("pending")).toArray())
            p.pendingApproval << r.toString();
        if (!p.id.isEmpty())
            registry.m_plugins.push_back(p);
    }
    return registry;
}

objcap::Result<void> PluginRegistry::save() const
{
    QJsonArray plugins;
    for (const Plugin &p : m_plugins) {
        QJsonObject grants;
        for (auto it = p.grants.begin(); it != p.grants.end(); ++it)
            grants.insert(it.key(), it.value());
        plugins.append(QJsonObject{{QStringLiteral("id"), p.id},
                                   {QStringLiteral("name"), p.name},
                                   {QStringLiteral("version"), p.version},
                                   {QStringLiteral("enabled"), p.enabled},
                                   {QStringLiteral("grants"), grants},
                                   {QStringLiteral("requested"), QJsonArray::fromStringList(p.requested)},
                                   {QStringLiteral("pending"), QJsonArray::fromStringList(p.pendingApproval)}});
    }
    QSaveFile file(m_root + QStringLiteral("/registry.json"));
    const QByteArray bytes = QJsonDocument(QJsonObject{{QStringLiteral("plugins"), plugins}}).toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return failure(QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    return {};
}

const PluginRegistry::Plugin *PluginRegistry::find(const QString &id) const
{
    for (const Plugin &p : m_plugins) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

PluginRegistry::Plugin *PluginRegistry::findMutable(const QString &id)
{
    return const_cast<Plugin *>(find(id));
}

objcap::Result<PluginRegistry::Plugin> PluginRegistry::install(const QString &path)
{
    // Unpack (or copy) into a staging folder beside the installed ones, check it all, then swap.
    QTemporaryDir staging(m_root + QStringLiteral("/plugins/.staging-XXXXXX"));
    if (!staging.isValid())
        return failure(QStringLiteral("cannot create a staging folder in %1").arg(m_root));
    const QString unpacked = staging.filePath(QStringLiteral("plugin"));
    if (QFileInfo(path).isDir()) {
        if (!copyFolder(path, unpacked))
            return failure(QStringLiteral("cannot copy %1").arg(path));
    } else if (auto ok = objcap::Package::extract(path.toStdString(), unpacked.toStdString()); !ok) {
        return ok.error();
    }
    auto manifest = objcap::Manifest::load(unpacked.toStdString());
    if (!manifest)
        return manifest.error();

    const QString id = QString::fromStdString(manifest->id());
    const QString target = codeFolder(id);
    const QString previous = staging.filePath(QStringLiteral("previous"));
    if (QFileInfo::exists(target) && !QDir().rename(target, previous))
        return failure(QStringLiteral("cannot move the installed %1 aside").arg(id));
    if (!QDir().rename(unpacked, target)) {
        QDir().rename(previous, target);  // put the old one back
        return failure(QStringLiteral("cannot install %1 into %2").arg(id, target));
    }
    QDir().mkpath(dataFolder(id));

    Plugin updated;
    updated.id = id;
    updated.name = QString::fromStdString(manifest->name());
    updated.version = QString::fromStdString(manifest->version());
    updated.requested = requestedBy(manifest.value());
    if (Plugin *existing = findMutable(id)) {
        // An update keeps its grants (where still asked for) and its data; anything new it
        // asks for waits for the user's approval, with the plugin disabled meanwhile.
        for (auto it = existing->grants.begin(); it != existing->grants.end(); ++it) {
            if (updated.requested.contains(it.key()))
                updated.grants.insert(it.key(), it.value());
        }
        for (const QString &name : updated.requested) {
            if (!existing->requested.contains(name) && !updated.grants.contains(name))
                updated.pendingApproval << name;
        }
        updated.enabled = existing->enabled && updated.pendingApproval.isEmpty();
        *existing = updated;
    } else {
        updated.enabled = false;  // a new plugin waits for the user to grant and enable it
        m_plugins.push_back(updated);
    }
    if (auto ok = save(); !ok)
        return ok.error();
    return updated;
}

objcap::Result<void> PluginRegistry::uninstall(const QString &id, bool removeData)
{
    if (!find(id))
        return failure(QStringLiteral("%1 is not installed").arg(id));
    if (!QDir(codeFolder(id)).removeRecursively())
        return failure(QStringLiteral("cannot remove %1").arg(codeFolder(id)));
    if (removeData)
        QDir(dataFolder(id)).removeRecursively();
    std::erase_if(m_plugins, [&](const Plugin &p) { return p.id == id; });
    return save();
}

objcap::Result<void> PluginRegistry::grant(const QString &id, const QString &capability, const QString &scope)
{
    Plugin *p = findMutable(id);
    if (!p)
        return failure(QStringLiteral("%1 is not installed").arg(id));
    if (!p->requested.contains(capability))
        return failure(QStringLiteral("%1 does not ask for the '%2' capability (it asks for: %3)")
                           .arg(id, capability, p->requested.isEmpty() ? QStringLiteral("nothing") : p->requested.join(QStringLiteral(", "))));
    p->grants.insert(capability, scope);
    p->pendingApproval.removeAll(capability);
    return save();
}

QString PluginRegistry::grantSpec(const Plugin &plugin, const objcap::Manifest &manifest, const QString &capability) const
{
    QString scope = plugin.grants.value(capability);
    const objcap::CapabilityRequest *request = nullptr;
    for (const objcap::CapabilityRequest &r : manifest.capabilities())
        request = QString::fromStdString(r.name) == capability ? &r : request;
    if (capability == u"storage" && scope.isEmpty())
        scope = dataFolder(plugin.id) + QStringLiteral("/storage.sqlite");
    if (capability == u"files" && !scope.contains(QLatin1String(":quota=")) && request && request->quotaBytes)
        scope += QStringLiteral(":quota=%1").arg(*request->quotaBytes);
    if (capability == u"net" && scope.isEmpty() && request) {
        QStringList origins;
        for (const std::string &origin : request->origins)
            origins << QString::fromStdString(origin);
        scope = origins.join(u',');
    }
    return scope.isEmpty() ? capability : capability + u'=' + scope;
}

objcap::Result<void> PluginRegistry::revoke(const QString &id, const QString &capability)
{
    Plugin *p = findMutable(id);
    if (!p)
        return failure(QStringLiteral("%1 is not installed").arg(id));
    if (!p->grants.remove(capability))
        return failure(QStringLiteral("%1 was not granted '%2'").arg(id, capability));
    return save();
}

objcap::Result<void> PluginRegistry::setEnabled(const QString &id, bool enabled)
{
    Plugin *p = findMutable(id);
    if (!p)
        return failure(QStringLiteral("%1 is not installed").arg(id));
    if (enabled && !p->pendingApproval.isEmpty())
        return failure(QStringLiteral("%1 waits for approval of: %2").arg(id, p->pendingApproval.join(QStringLiteral(", "))));
    p->enabled = enabled;
    return save();
}

} // namespace objcap::host
