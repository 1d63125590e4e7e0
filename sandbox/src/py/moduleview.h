#pragma once

#include "pyref.h"

namespace objcap::py {

class Lockdown;

// How plugin code sees an allowed module: a read-only object exposing only the module's
// public API. Names starting with "_" (but __name__, __doc__, __all__), modules the policy
// does not allow (enum.sys, json.decoder), capsules and the policy's hidden names are
// absent; allowed submodules appear as views themselves. No __dict__, no way to the module.
class ModuleView {
public:
    // The type for the active interpreter; null PyRef with an exception set on failure.
    static PyRef createType();
    static PyRef create(PyObject *viewType, PyObject *module, Lockdown *lockdown);
};

} // namespace objcap::py
