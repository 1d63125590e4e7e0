#pragma once

#include <QStringList>

namespace objcap::cli {

// `objcap test DIR`: runs each tests/test_*.py of the plugin in a fresh sandbox of its own,
// with the plugin's modules importable and test-local grants (a temporary folder for files,
// a temporary store, log, timers, and for plugins that ask for net a ctx.net that reaches only
// a loopback server of the files in tests/http/, at the origin in the global test_origin),
// calls every test_* function, and prints a summary line
// "N passed, M failed"; exit code 1 if any failed.
class TestCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace objcap::cli
