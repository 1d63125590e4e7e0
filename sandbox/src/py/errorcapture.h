#pragma once

#include "objcap/error.h"

namespace objcap::py {

class TracebackFormatter;

// Turns the exception raised in the active interpreter into an Error (type, one-line message,
// traceback with source lines), clearing it. Without a formatter, or if formatting fails,
// the Error still names the exception type.
class ErrorCapture {
public:
    static Error take(ErrorCode code, TracebackFormatter *formatter);
};

} // namespace objcap::py
