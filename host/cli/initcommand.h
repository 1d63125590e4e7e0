#pragma once

#include <QStringList>

namespace objcap::cli {

// `objcap init DIR [--id ID]`: scaffolds a plugin — plugin.toml, main.py with activate(ctx)
// and deactivate(), and tests/test_main.py — in a new or empty folder.
class InitCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace objcap::cli
