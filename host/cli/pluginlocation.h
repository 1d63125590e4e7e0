#pragma once

#include <objcap/result.h>

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace objcap::cli {

// A plugin given on the command line: a folder, or a .objcap package unpacked (after all its
// checks) into a temporary folder that lives as long as this object.
class PluginLocation {
public:
    static objcap::Result<std::unique_ptr<PluginLocation>> resolve(const QString &path);
    const QString &folder() const { return m_folder; }

private:
    QString m_folder;
    std::unique_ptr<QTemporaryDir> m_unpacked;
};

} // namespace objcap::cli
