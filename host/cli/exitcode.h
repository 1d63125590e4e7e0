#pragma once

namespace objcap::cli {

// The CLI's exit codes: a stable contract for scripts and CI.
enum ExitCode : int {
    Completed = 0,
    PluginError = 1,    // uncaught plugin exception, SystemExit and KeyboardInterrupt included
    UsageError = 2,     // bad arguments, missing or unreadable file
    LimitStopped = 3,   // stopped by a time or memory budget
    RuntimeFailure = 4, // the embedded runtime could not start (e.g. unpatched CPython)
};

} // namespace objcap::cli
