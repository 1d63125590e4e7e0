#pragma once

#include "objcap/value.h"
#include "pyref.h"

namespace objcap::py {

// Copies values across the boundary. Anything that is not a boundary value (None, bool, int,
// float, str, bytes, list/tuple, dict with str keys) raises TypeError in the active
// interpreter; so do ints beyond 64 bits and nesting deeper than maxDepth (which also stops
// self-containing lists).
class ValueConverter {
public:
    static constexpr int maxDepth = 64;

    // Returns false with a Python exception set on failure.
    static bool fromPython(PyObject *object, Value &out, int depth = 0);
    // Returns a null PyRef with a Python exception set on failure.
    static PyRef toPython(const Value &value);
};

} // namespace objcap::py
