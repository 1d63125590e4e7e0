#pragma once

#include <QStringList>

namespace objcap::cli {

// `objcap bench [--json] [--quick]`: measures the sandbox against in-run baselines (a process
// per plugin, unsandboxed Python in the same process, a direct call) and prints each figure
// with its ratio and bar, as a table or one JSON object; returns an ExitCode.
class BenchCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace objcap::cli
