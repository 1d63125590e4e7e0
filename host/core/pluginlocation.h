#pragma once

#include <objcap/manifest.h>
#include <objcap/result.h>

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace objcap::host {

// A plugin given by path (on the command line, to an install dialog), with its manifest read (no plugin code runs): a folder,
// or a .objcap package unpacked (after all its checks) into a temporary folder that lives as
// long as this object.
class PluginLocation {
public:
    static objcap::Result<std::unique_ptr<PluginLocation>> resolve(const QString &path);
    const QString &folder() const { return m_folder; }
    const objcap::Manifest &manifest() const { return *m_manifest; }

private:
    QString m_folder;
    std::unique_ptr<QTemporaryDir> m_unpacked;
    std::optional<objcap::Manifest> m_manifest;
};

} // namespace objcap::host
