#pragma once

#include <QString>
#include <QStringList>

namespace objcap::cli {

// The commands over the installed plugins, the same registry the desktop host uses:
//   install PKG|DIR, uninstall ID [--purge], list, grant ID CAP[=SCOPE], revoke ID CAP,
//   enable ID, disable ID.
class RegistryCommand {
public:
    static bool handles(const QString &command);
    static int run(const QString &command, const QStringList &arguments);
};

} // namespace objcap::cli
