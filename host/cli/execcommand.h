#pragma once

#include <QStringList>

namespace objcap::cli {

// `objcap exec [--time-limit SECONDS] [--audit] FILE.py`: runs FILE as top-level code in a
// fresh locked-down sandbox, forwarding its stdout/stderr; returns an ExitCode.
class ExecCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace objcap::cli
