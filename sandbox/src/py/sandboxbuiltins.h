#pragma once

#include <Python.h>

namespace objcap::py {

// The built-in functions the lockdown installs. Each is bound to the interpreter's objcap
// module, whose state leads to its Lockdown.
//   plugin built-ins: __import__ (the controlled importer), exec, eval, compile
//   interpreter built-ins (what the standard library uses): exec, eval
class SandboxBuiltins {
public:
    static PyMethodDef *pluginFunctions();       // null-terminated
    static PyMethodDef *interpreterFunctions();  // null-terminated
};

} // namespace objcap::py
