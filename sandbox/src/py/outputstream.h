#pragma once

#include "objcap/sandbox.h"
#include "pyref.h"

namespace objcap::py {

// The sys.stdout / sys.stderr of a sandbox: a minimal text stream whose write() hands the
// text to the host's OutputSink. A heap type, created once per interpreter.
class OutputStream {
public:
    // The type for the active interpreter; null PyRef with an exception set on failure.
    static PyRef createType();
    // An instance writing to sink (which must outlive the interpreter) as stream.
    static PyRef create(PyObject *type, const OutputSink *sink, Stream stream);
};

} // namespace objcap::py
