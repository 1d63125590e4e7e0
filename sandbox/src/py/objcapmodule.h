#pragma once

#include "pyref.h"

namespace objcap::py {

class Lockdown;

// The `objcap` module of one plugin interpreter (multi-phase init, per-interpreter state):
// the exceptions plugins see (CapabilityError, RevokedError, LimitExceeded) and, as its
// state, the Lockdown that the sandbox's own built-in functions (__import__, exec, ...)
// belong to. Plugin code sees it only through a module view.
class ObjcapModule {
public:
    static PyRef create(Lockdown *lockdown);  // null with an exception set on failure
    static Lockdown *lockdownOf(PyObject *module);
};

} // namespace objcap::py
