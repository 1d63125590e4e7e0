#pragma once

#include "objcap/error.h"
#include "pyref.h"

namespace objcap::py {

// Turns the exception raised in the active interpreter into an Error (type, one-line message,
// traceback with source lines), clearing it. formatException is traceback.format_exception of
// that interpreter; if formatting fails, the Error still names the exception type.
class ErrorCapture {
public:
    static Error take(ErrorCode code, PyObject *formatException);
};

} // namespace objcap::py
