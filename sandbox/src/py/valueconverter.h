#pragma once

#include "objcap/value.h"
#include "pyref.h"

namespace objcap::py {

class Lockdown;

// Copies values across the boundary. Anything that is not a boundary value (None, bool, int,
// float, str, bytes, list/tuple, dict with str keys) raises TypeError in the active
// interpreter; so do ints beyond 64 bits, nesting deeper than maxDepth (which also stops
// self-containing lists) and values of more than maxNodes items (a list shared at every level
// is small in Python and exponential as a copy). Long copies honour interrupts.
class ValueConverter {
public:
    static constexpr int maxDepth = 64;
    static constexpr long maxNodes = 1'000'000;

    // Capabilities cross as the interpreter's capability proxies; without a lockdown they
    // cannot cross at all.
    // Returns false with a Python exception set on failure.
    static bool fromPython(PyObject *object, Value &out, Lockdown *lockdown = nullptr);
    // Returns a null PyRef with a Python exception set on failure.
    static PyRef toPython(const Value &value, Lockdown *lockdown = nullptr);
};

} // namespace objcap::py
