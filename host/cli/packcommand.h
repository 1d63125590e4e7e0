#pragma once

#include <QStringList>

namespace objcap::cli {

// `objcap pack DIR -o FILE.objcap`: validates the plugin folder and zips it into a package.
class PackCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace objcap::cli
