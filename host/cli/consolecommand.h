#pragma once

#include <QStringList>

namespace objcap::cli {

// `objcap console DIR|PKG [--grant ...]`: a Python REPL inside the plugin's own sandbox — its
// entry module loaded into __main__ (activate() is not called), ctx holding the grants. Input
// as the Python REPL takes it: multi-line statements continue with "... " and end at a blank
// line; expression values are echoed. On a terminal, lines are edited with libedit and kept
// in a history file in the user's data location; otherwise stdin is read without prompts.
class ConsoleCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace objcap::cli
