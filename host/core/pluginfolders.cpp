#include "pluginfolders.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace objcap::host {

QString PluginFolders::userPluginRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/plugins");
}

QStringList PluginFolders::discover(const QStringList &roots)
{
    QStringList found;
    for (const QString &root : roots) {
        const QDir dir(root);
        for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            if (QFileInfo(dir.filePath(name) + QStringLiteral("/plugin.toml")).isFile())
                found << QDir::cleanPath(dir.filePath(name));
        }
    }
    found.sort();
    return found;
}

} // namespace objcap::host
