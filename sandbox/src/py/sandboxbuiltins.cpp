#include "sandboxbuiltins.h"

#include "lockdown.h"
#include "objcapmodule.h"
#include "pyref.h"
#include "sandboxguard.h"

#include <string>

namespace objcap::py {

namespace {

std::string utf8(PyObject *s)
{
    const char *text = PyUnicode_AsUTF8(s);
    if (!text) {
        PyErr_Clear();
        return "?";
    }
    return text;
}

// The sandbox's functions outliving its lockdown (called by a finalizer as the interpreter ends).
Lockdown *activeLockdown(PyObject *module)
{
    Lockdown *lockdown = ObjcapModule::lockdownOf(module);
    if (lockdown && lockdown->active())
        return lockdown;
    PyErr_SetString(PyExc_RuntimeError, "the sandbox is shutting down");
    return nullptr;
}

PyObject *refuseImport(Lockdown &lockdown, const std::string &name)
{
    lockdown.guard().refuse(PyExc_ImportError, "import", name, "import of '" + name + "' is not allowed in a sandbox");
    return nullptr;
}

// The fromlist PyImport_Import() passes: an empty list (import statements pass None or a
// tuple).
bool isCImport(PyObject *fromlist)
{
    return fromlist && PyList_CheckExact(fromlist) && PyList_GET_SIZE(fromlist) == 0;
}

// `from pkg import sub`: load the plugin submodules a fromlist names, as importlib does.
bool loadFromlist(Lockdown &lockdown, const std::string &package, PyObject *module, PyObject *fromlist)
{
    if (!fromlist || !PyObject_HasAttrString(module, "__path__"))
        return true;
    PyRef items = PyRef::steal(PySequence_Fast(fromlist, "fromlist must be a sequence"));
    if (!items)
        return false;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(items.get()); ++i) {
        PyObject *item = PySequence_Fast_GET_ITEM(items.get(), i);
        if (!PyUnicode_Check(item) || PyObject_HasAttr(module, item))
            continue;
        PyRef sub = lockdown.pluginModule(package + "." + utf8(item));
        if (!sub && PyErr_Occurred())
            return false;
    }
    return true;
}

PyObject *pluginImport(PyObject *self, PyObject *args, PyObject *kwargs)
{
    Lockdown *lockdown = activeLockdown(self);
    if (!lockdown)
        return nullptr;
    static const char *keywords[] = {"name", "globals", "locals", "fromlist", "level", nullptr};
    PyObject *nameObject = nullptr;
    PyObject *globals = nullptr;
    PyObject *locals = nullptr;
    PyObject *fromlist = nullptr;
    int level = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "U|OOOi:__import__", const_cast<char **>(keywords), &nameObject,
                                     &globals, &locals, &fromlist, &level))
        return nullptr;
    std::string name = utf8(nameObject);
    if (level != 0) {
        // Relative imports exist only among the plugin's own modules.
        std::string base;
        PyObject *package = globals && PyDict_Check(globals) ? PyDict_GetItemString(globals, "__package__") : nullptr;
        if (package && PyUnicode_Check(package))
            base = utf8(package);
        for (int i = 1; i < level && !base.empty(); ++i)
            base = base.find('.') == std::string::npos ? std::string() : base.substr(0, base.rfind('.'));
        const std::string dots(static_cast<size_t>(level > 0 ? level : 0), '.');
        if (base.empty() || !lockdown->hasPackage() || !lockdown->guard().isPluginModule(base))
            return refuseImport(*lockdown, dots + name);
        name = name.empty() ? base : base + "." + name;
        PyRef module = lockdown->pluginModule(name);
        if (!module)
            return PyErr_Occurred() ? nullptr : refuseImport(*lockdown, dots + utf8(nameObject));
        if (!loadFromlist(*lockdown, name, module.get(), fromlist))
            return nullptr;
        return module.release();
    }
    if (name == "objcap")
        return lockdown->objcapView().release();
    // The plugin's own modules come first, as the script's folder does on sys.path.
    if (lockdown->hasPackage()) {
        PyRef module = lockdown->pluginModule(name);
        if (module) {
            const int wantsNames = fromlist ? PyObject_IsTrue(fromlist) : 0;
            if (wantsNames < 0 || (wantsNames && !loadFromlist(*lockdown, name, module.get(), fromlist)))
                return nullptr;
            return wantsNames ? module.release() : lockdown->pluginModule(name.substr(0, name.find('.'))).release();
        }
        if (PyErr_Occurred())
            return nullptr;
    }
    const std::string top = name.substr(0, name.find('.'));
    if (!lockdown->allowsImport(name) || !lockdown->allowsImport(top)) {
        // C code importing a helper module (copy's copyreg, datetime's _strptime) calls the
        // current frame's __import__ with an empty fromlist list and then takes the module from
        // sys.modules itself. Such a helper is loaded, but the caller here gets None: a plugin
        // making the same call gains nothing.
        if (isCImport(fromlist) && !lockdown->guard().policy().forbidsImport(name)) {
            if (!lockdown->load(name))
                return nullptr;
            Py_RETURN_NONE;
        }
        return refuseImport(*lockdown, name);
    }
    PyRef view = lockdown->importView(name);
    if (!view)
        return nullptr;
    const int wantsNames = fromlist ? PyObject_IsTrue(fromlist) : 0;
    if (wantsNames < 0)
        return nullptr;
    // `from a.b import c` gets a.b (names resolve through its view); `import a.b` binds a.
    return wantsNames ? view.release() : lockdown->importView(top).release();
}

// The code to run for exec/eval: source text compiled now, or code the sandbox compiled.
PyRef codeFor(Lockdown &lockdown, PyObject *source, const char *function, const char *mode)
{
    if (PyCode_Check(source)) {
        if (lockdown.compiledHere(source))
            return PyRef::borrow(source);
        PyErr_Format(PyExc_TypeError, "%s() in a sandbox takes source text or code compiled by its compile()",
                     function);
        return {};
    }
    if (!PyUnicode_Check(source) && !PyBytes_Check(source) && !PyByteArray_Check(source)) {
        PyErr_Format(PyExc_TypeError, "%s() arg 1 must be a string, bytes or code object", function);
        return {};
    }
    PyRef code = PyRef::steal(PyObject_CallFunction(lockdown.originalBuiltin("compile"), "Oss", source, "<string>", mode));
    if (code && !lockdown.rememberCode(code.get()))
        return {};
    return code;
}

// Refuses running code in a host module's namespace; fills in __builtins__ if missing.
bool checkNamespace(Lockdown &lockdown, PyObject *globals, const char *function)
{
    if (!PyDict_Check(globals)) {
        PyErr_Format(PyExc_TypeError, "%s() globals must be a dict", function);
        return false;
    }
    if (lockdown.isHostModuleDict(globals)) {
        PyObject *name = PyDict_GetItemString(globals, "__name__");  // borrowed
        const std::string module = name && PyUnicode_Check(name) ? utf8(name) : "?";
        lockdown.guard().refuse(lockdown.capabilityError(), function, module,
                                std::string(function) + "() in the namespace of module '" + module +
                                    "' is not allowed in a sandbox");
        return false;
    }
    return true;
}

PyObject *runPlugin(PyObject *self, PyObject *args, PyObject *kwargs, const char *function, const char *mode)
{
    Lockdown *lockdown = activeLockdown(self);
    if (!lockdown)
        return nullptr;
    static const char *keywords[] = {"source", "globals", "locals", "closure", nullptr};
    PyObject *source = nullptr;
    PyObject *globals = Py_None;
    PyObject *locals = Py_None;
    PyObject *closure = Py_None;
    const std::string format = std::string("O|OO$O:") + function;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, format.c_str(), const_cast<char **>(keywords), &source, &globals,
                                     &locals, &closure))
        return nullptr;
    if (closure != Py_None)
        return PyErr_Format(PyExc_TypeError, "%s() closure is not supported in a sandbox", function);
    PyRef code = codeFor(*lockdown, source, function, mode);
    if (!code)
        return nullptr;
    PyRef g;
    PyRef l;
    if (globals == Py_None) {
        g = PyRef::borrow(PyEval_GetGlobals());
        l = locals == Py_None ? PyRef::steal(PyEval_GetFrameLocals()) : PyRef::borrow(locals);
        if (!g)
            return PyErr_Format(PyExc_SystemError, "%s(): no globals", function);
    } else {
        g = PyRef::borrow(globals);
        l = PyRef::borrow(locals == Py_None ? globals : locals);
    }
    if (!l || !checkNamespace(*lockdown, g.get(), function))
        return nullptr;
    if (!PyDict_GetItemString(g.get(), "__builtins__") &&
        PyDict_SetItemString(g.get(), "__builtins__", lockdown->pluginBuiltins()) < 0)
        return nullptr;
    PyRef result = PyRef::steal(PyEval_EvalCode(code.get(), g.get(), l.get()));
    if (!result)
        return nullptr;
    if (std::string(mode) == "exec")
        Py_RETURN_NONE;
    return result.release();
}

PyObject *pluginExec(PyObject *self, PyObject *args, PyObject *kwargs)
{
    return runPlugin(self, args, kwargs, "exec", "exec");
}

PyObject *pluginEval(PyObject *self, PyObject *args, PyObject *kwargs)
{
    return runPlugin(self, args, kwargs, "eval", "eval");
}

PyObject *pluginCompile(PyObject *self, PyObject *args, PyObject *kwargs)
{
    Lockdown *lockdown = activeLockdown(self);
    if (!lockdown)
        return nullptr;
    PyObject *source = PyTuple_Size(args) > 0 ? PyTuple_GET_ITEM(args, 0)
                                              : (kwargs ? PyDict_GetItemString(kwargs, "source") : nullptr);
    if (source && !PyUnicode_Check(source) && !PyBytes_Check(source) && !PyByteArray_Check(source))
        return PyErr_Format(PyExc_TypeError, "compile() in a sandbox takes source text, not %.100s",
                            Py_TYPE(source)->tp_name);
    PyRef result = PyRef::steal(PyObject_Call(lockdown->originalBuiltin("compile"), args, kwargs));
    if (result && PyCode_Check(result.get()) && !lockdown->rememberCode(result.get()))
        return nullptr;
    return result.release();
}

// The interpreter's own exec/eval, used by the standard library: unchanged but for the
// namespace check, which stops a confused deputy (typing.get_type_hints evaluating a string
// in a module's globals) from handing plugin-chosen code a host module's namespace.
PyObject *runInterpreter(PyObject *self, PyObject *args, PyObject *kwargs, const char *function)
{
    Lockdown *lockdown = activeLockdown(self);
    if (!lockdown)
        return nullptr;
    PyObject *globals = PyTuple_Size(args) > 1 ? PyTuple_GET_ITEM(args, 1)
                                               : (kwargs ? PyDict_GetItemString(kwargs, "globals") : nullptr);
    if (!globals || globals == Py_None)
        globals = PyEval_GetGlobals();
    if (globals && PyDict_Check(globals) && !checkNamespace(*lockdown, globals, function))
        return nullptr;
    return PyObject_Call(lockdown->originalBuiltin(function), args, kwargs);
}

PyObject *interpreterExec(PyObject *self, PyObject *args, PyObject *kwargs)
{
    return runInterpreter(self, args, kwargs, "exec");
}

PyObject *interpreterEval(PyObject *self, PyObject *args, PyObject *kwargs)
{
    return runInterpreter(self, args, kwargs, "eval");
}

PyMethodDef plugin[] = {
    {"__import__", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(pluginImport)),
     METH_VARARGS | METH_KEYWORDS, "Import an allowed module; plugins see a read-only view of it."},
    {"exec", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(pluginExec)), METH_VARARGS | METH_KEYWORDS,
     "Execute source text (or code from compile()) in the sandbox."},
    {"eval", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(pluginEval)), METH_VARARGS | METH_KEYWORDS,
     "Evaluate source text (or code from compile()) in the sandbox."},
    {"compile", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(pluginCompile)),
     METH_VARARGS | METH_KEYWORDS, "Compile source text into a code object."},
    {nullptr, nullptr, 0, nullptr},
};

PyMethodDef interpreter[] = {
    {"exec", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(interpreterExec)),
     METH_VARARGS | METH_KEYWORDS, nullptr},
    {"eval", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(interpreterEval)),
     METH_VARARGS | METH_KEYWORDS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

} // namespace

PyMethodDef *SandboxBuiltins::pluginFunctions()
{
    return plugin;
}

PyMethodDef *SandboxBuiltins::interpreterFunctions()
{
    return interpreter;
}

} // namespace objcap::py
