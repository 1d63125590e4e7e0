#include "pluginlocation.h"

#include <objcap/package.h>

#include <QDir>
#include <QFileInfo>

namespace objcap::host {

objcap::Result<std::unique_ptr<PluginLocation>> PluginLocation::resolve(const QString &path)
{
    auto location = std::make_unique<PluginLocation>();
    const QFileInfo info(path);
    if (info.isDir()) {
        location->m_folder = QDir(path).absolutePath();
    } else {
        if (!info.isFile() || !path.endsWith(QLatin1String(".objcap")))
            return objcap::Error::make(objcap::ErrorCode::InvalidArgument,
                                       path.toStdString() + ": neither a plugin folder nor a .objcap package");
        location->m_unpacked = std::make_unique<QTemporaryDir>();
        if (!location->m_unpacked->isValid())
            return objcap::Error::make(objcap::ErrorCode::Io, "cannot create a temporary folder");
        const QString folder = location->m_unpacked->filePath(QStringLiteral("plugin"));
        if (auto ok = objcap::Package::extract(path.toStdString(), folder.toStdString()); !ok)
            return ok.error();
        location->m_folder = folder;
    }
    auto manifest = objcap::Manifest::load(location->m_folder.toStdString());
    if (!manifest)
        return manifest.error();
    location->m_manifest = std::move(manifest).value();
    return location;
}

} // namespace objcap::host
