#pragma once

#include <QStringList>

namespace objcap::cli {

// `objcap run DIR [--grant ...] [--for SECONDS]`: loads the plugin in DIR into a sandbox (its
// own modules importable), calls activate(ctx), serves its timers (for SECONDS, or until none
// is pending), then calls deactivate() if it has one.
class RunCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace objcap::cli
