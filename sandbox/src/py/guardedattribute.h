#pragma once

#include "pyref.h"

namespace objcap::py {

class SandboxGuard;

// Stands in a built-in type's dict (the plugin interpreter's own copy) for a descriptor that
// leads out of the plugin's object graph (function __globals__, traceback tb_frame, ...).
// Reading, writing or calling it raises AttributeError and records the refusal, for plugin
// code and the standard library alike: no caller is trusted, since a plugin can make trusted
// code call it (a C callable planted where inspect looks). The one exception is frame
// attributes while the host loads a module (_collections_abc reads sys._getframe().f_locals
// as it loads): every way a plugin could hold a frame is hidden, so that opening cannot be
// used from plugin code.
class GuardedAttribute {
public:
    // The type for the active interpreter; null PyRef with an exception set on failure.
    static PyRef createType();
    // Replaces owner.__dict__[name] with a guard around it; false with an exception set on
    // failure, true (and nothing done) if the owner has no such attribute.
    static bool install(PyObject *guardType, PyTypeObject *owner, const char *name, bool openInHostScope);
};

} // namespace objcap::py
