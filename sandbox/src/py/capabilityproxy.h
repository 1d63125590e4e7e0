#pragma once

#include "objcap/result.h"
#include "objcap/value.h"
#include "pyref.h"

namespace objcap::py {

class Lockdown;

// How a capability appears to plugin code: an opaque proxy whose only surface is the
// capability's methods and attributes. No __dict__, not instantiable, subclassable, picklable
// or copyable; repr names the kind and plugin-relative scope. A capability with `close` is a
// context manager, one with `readline` iterates over lines. Each call converts its arguments
// by value, runs the host method, records the call in the audit log, and raises the Python
// exception matching a failure (objcap.CapabilityError, RevokedError, TypeError, ...).
class CapabilityProxy {
public:
    // The types for the active interpreter: the proxy and its bound methods.
    static PyRef createType();
    static PyRef createMethodType();
    static PyRef wrap(Lockdown &lockdown, Value::CapabilityRef capability);
    // The capability behind a proxy of this interpreter, or null if `object` is none.
    static Value::CapabilityRef unwrap(Lockdown &lockdown, PyObject *object);
    // Sets the Python exception for a capability's failure.
    static void raise(Lockdown &lockdown, const Error &error);
};

} // namespace objcap::py
