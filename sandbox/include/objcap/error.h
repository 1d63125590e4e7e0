#pragma once

#include <string>

namespace objcap {

// What kind of failure an Error reports; hosts branch on this, users read the message.
enum class ErrorCode {
    Runtime,         // the embedded runtime could not start or is unusable
    Unpatched,       // the CPython runtime lacks the objcap patch set
    PluginException, // plugin code raised (SystemExit and KeyboardInterrupt included)
    LimitExceeded,   // a time or memory budget stopped the plugin
    Interrupted,     // the host interrupted the plugin
    Closed,          // the sandbox has been shut down
    // What a capability method reports; the plugin sees the matching Python exception.
    Refused,         // objcap.CapabilityError: beyond what was granted (escape, read-only, quota)
    Revoked,         // objcap.RevokedError
    InvalidArgument, // TypeError
    InvalidValue,    // ValueError
    NotFound,        // FileNotFoundError
    AlreadyExists,   // FileExistsError
    IsADirectory,    // IsADirectoryError
    NotADirectory,   // NotADirectoryError
    Io,              // OSError
};

// A failure crossing the public API. A Python exception is captured as text while its
// interpreter is still active, so an Error never refers to a Python object.
struct Error {
    ErrorCode code = ErrorCode::Runtime;
    std::string message;        // one line, for humans
    std::string exceptionType;  // e.g. "ZeroDivisionError", for plugin exceptions
    std::string traceback;      // full formatted traceback with source lines, if any

    static Error make(ErrorCode code, std::string message) { return {code, std::move(message), {}, {}}; }
};

} // namespace objcap
