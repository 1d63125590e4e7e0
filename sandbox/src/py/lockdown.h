#pragma once

#include "objcap/result.h"
#include "objcap/value.h"
#include "pyref.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace objcap::detail { class GrantTable; }

namespace objcap::py {

class SandboxGuard;

// The objcap rules of one plugin interpreter, applied in the fixed bring-up order before any
// plugin code runs: the objcap module (its exceptions, the capability proxy types and the
// plugin's `ctx`), the controlled importer, then the seals (built-ins, hidden introspection,
// the plugin's __main__). Owns the interpreter-side objects that implement them; the
// sandbox's own built-in functions reach it through the objcap module.
// Everything here runs on the sandbox thread with its interpreter active.
class Lockdown {
public:
    // mainDict: the plugin's __main__ globals, which get `ctx` over `grants`.
    using CallbackFactory = std::function<Value::CallbackRef(std::uint64_t)>;
    static Result<std::unique_ptr<Lockdown>> apply(SandboxGuard &guard, PyObject *mainDict,
                                                   const detail::GrantTable &grants, CallbackFactory makeCallback);
    ~Lockdown();
    Lockdown(const Lockdown &) = delete;
    Lockdown &operator=(const Lockdown &) = delete;
    void release();  // drops every Python reference; before the interpreter ends
    // False once released: what CPython still runs while the interpreter ends (finalizers)
    // finds the sandbox's functions refusing instead of touching released objects.
    bool active() const { return static_cast<bool>(m_objcapModule); }
    // True once the host has closed the sandbox's grants (it was abandoned): capability
    // calls refuse with RevokedError.
    bool grantsClosed() const;

    SandboxGuard &guard() { return m_guard; }
    PyObject *capabilityError() const { return m_capabilityError.get(); }
    PyObject *limitExceeded() const { return m_limitExceeded.get(); }
    PyObject *revokedError() const { return m_revokedError.get(); }
    PyObject *capabilityType() const { return m_capabilityType.get(); }
    PyObject *capabilityMethodType() const { return m_capabilityMethodType.get(); }
    PyObject *pluginBuiltins() const { return m_pluginBuiltins.get(); }

    bool allowsImport(const std::string &module) const;
    bool hidesAttribute(const std::string &module, const char *name) const;
    // Imports an allowed module in host scope and returns its view (cached); null PyRef with
    // an exception set on failure. Does not check the policy.
    PyRef importView(const std::string &module);
    // The view of the objcap module itself.
    PyRef objcapView();
    // Loads a module in host scope, straight through the import machinery (never through a
    // frame's __import__), and returns the module itself. Checks nothing: callers do.
    PyRef load(const std::string &module);

    // The plugin's own modules, read from its package folder (a directory fd; nothing else on
    // disk is reachable) and run with the plugin's built-ins. `display` names the folder in
    // tracebacks; `sources` receives each module's text for them.
    Result<void> setPackage(const std::string &folder, const std::string &display,
                            std::map<std::string, std::string> *sources);
    // The plugin's module `name` (dotted), loading it and its parents if needed: a new
    // reference; null PyRef with no exception if the package has no such module; null with
    // an exception if loading failed.
    PyRef pluginModule(const std::string &name);
    bool hasPackage() const { return m_package >= 0; }

    // Plugin callables handed to the host: kept here, referenced by id from the host's handle.
    Value::CallbackRef registerCallback(PyObject *callable);
    PyObject *callback(std::uint64_t id) const;  // borrowed, or null once released
    void releaseCallback(std::uint64_t id);

    // exec/eval/compile support for the sealed built-ins.
    PyObject *originalBuiltin(const char *name) const;  // borrowed
    bool rememberCode(PyObject *code);                  // code compiled by the sandbox's compile()
    bool compiledHere(PyObject *code) const;
    // A fully loaded module of the host's (not the plugin's, not one being imported): code
    // evaluated in its globals would run with everything that module holds.
    bool isHostModuleDict(PyObject *globals) const;

private:
    Lockdown(SandboxGuard &guard) : m_guard(guard) {}
    Result<void> installModule(PyObject *mainDict, const detail::GrantTable &grants);
    Result<void> installImporter();
    Result<void> sealBuiltins(PyObject *mainDict);
    Result<void> sealIntrospection();

    SandboxGuard &m_guard;
    PyRef m_objcapModule;
    const detail::GrantTable *m_grants = nullptr;
    PyRef m_capabilityError;
    PyRef m_limitExceeded;
    PyRef m_revokedError;
    PyRef m_capabilityType;
    PyRef m_capabilityMethodType;
    PyRef m_contextType;
    PyRef m_hiddenAttributeError;
    PyRef m_viewType;
    PyRef m_guardType;
    PyRef m_subclassesType;
    PyRef m_views;          // module name -> view
    PyRef m_originals;      // name -> the interpreter's original built-in (exec, eval, compile)
    PyRef m_pluginBuiltins; // the plugin's __builtins__
    PyRef m_compiled;       // id(code) -> weakref(code): code objects the sandbox compiled
    PyRef m_callbacks;      // callback id -> plugin callable
    PyRef m_pluginModules;  // dotted name -> the plugin's own module
    int m_package = -1;     // O_PATH fd of the plugin's folder
    std::string m_packageDisplay;
    std::map<std::string, std::string> *m_sources = nullptr;
    std::uint64_t m_nextCallback = 1;
    CallbackFactory m_makeCallback;
};

} // namespace objcap::py
