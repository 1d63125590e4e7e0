#pragma once

#include <QString>
#include <QStringList>

namespace objcap::host {

// Where plugins live: the user's plugin folder (in the data location shared by the CLI and
// the desktop host) plus any extra roots such as the example plugins of a source checkout.
class PluginFolders {
public:
    static QString userPluginRoot();
    // Every folder directly under one of roots that holds a plugin.toml, sorted by path.
    static QStringList discover(const QStringList &roots);
};

} // namespace objcap::host
