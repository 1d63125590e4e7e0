#pragma once

#include "../auditlog.h"
#include "objcap/sandboxpolicy.h"

#include <Python.h>

#include <set>
#include <string>
#include <string_view>

namespace objcap::py {

// The rules of one plugin interpreter, as the audit hook and the lockdown's functions see
// them. Installed as the current guard of the sandbox's own thread, which alone runs that
// interpreter; other threads (the host's, the main interpreter's) have none and are not judged.
//
// Host scope: while the host itself loads a module into the sandbox, the audit hook lets the
// import machinery read the standard library and use interpreter internals (sys._getframe,
// marshal). Nothing else widens: hidden attributes stay hidden and authority stays refused,
// so plugin code that ran during such an import would gain nothing from it.
class SandboxGuard {
public:
    SandboxGuard(std::string sandbox, const SandboxPolicy &policy, detail::AuditLog &log, std::string stdlibRoot);

    static SandboxGuard *current();
    void install();    // on the sandbox thread, once the lockdown is complete
    void uninstall();  // before the interpreter is ended

    const SandboxPolicy &policy() const { return m_policy; }
    const std::string &stdlibRoot() const { return m_stdlibRoot; }
    bool inHostScope() const { return m_hostDepth > 0; }
    bool isPluginModule(std::string_view name) const
    {
        return name == "__main__" || m_pluginModules.count(std::string(name)) > 0;
    }
    void addPluginModule(const std::string &name) { m_pluginModules.insert(name); }
    bool underStdlib(std::string_view path) const;

    // The exceptions refusals raise, borrowed from this interpreter: objcap.CapabilityError,
    // and the AttributeError that hidden attributes raise (see Lockdown).
    void setRefusalTypes(PyObject *refusal, PyObject *hiddenAttribute)
    {
        m_refusalType = refusal;
        m_hiddenAttributeType = hiddenAttribute;
    }
    PyObject *hiddenAttributeType() const { return m_hiddenAttributeType ? m_hiddenAttributeType : PyExc_AttributeError; }

    // Records the refusal and sets `exceptionType(message)`; returns -1 for the caller to return.
    int refuse(PyObject *exceptionType, std::string_view event, std::string_view detail, const std::string &message);
    // Records and raises objcap.CapabilityError("'event' is not allowed in a sandbox").
    int refuseEvent(std::string_view event, std::string_view detail);
    void allowed(std::string_view event, std::string_view detail) { record(event, detail, true); }
    void record(std::string_view event, std::string_view detail, bool allowed);

    class HostScope {
    public:
        explicit HostScope(SandboxGuard &guard) : m_guard(guard) { ++m_guard.m_hostDepth; }
        ~HostScope() { --m_guard.m_hostDepth; }
        HostScope(const HostScope &) = delete;
        HostScope &operator=(const HostScope &) = delete;

    private:
        SandboxGuard &m_guard;
    };

private:
    std::string m_sandbox;
    const SandboxPolicy &m_policy;
    detail::AuditLog &m_log;
    std::string m_stdlibRoot;  // with a trailing '/'
    PyObject *m_refusalType = nullptr;
    PyObject *m_hiddenAttributeType = nullptr;
    int m_hostDepth = 0;
    std::set<std::string> m_pluginModules;
};

} // namespace objcap::py
