#include "audithook.h"

#include "pyref.h"
#include "sandboxguard.h"

#include <Python.h>

#include <array>
#include <string>
#include <string_view>

namespace objcap::py {

namespace {

// Events that mean authority: files, processes, sockets, process-wide state. Refused even
// while the host loads a module (apart from reading the standard library, see below).
constexpr std::array authorityPrefixes = {
    "os.", "socket.", "subprocess.", "ctypes.", "shutil.", "glob.", "tempfile.", "sqlite3.", "urllib.",
    "http.", "ftplib.", "smtplib.", "poplib.", "imaplib.", "nntplib.", "telnetlib.", "webbrowser.", "pty.",
    "resource.", "syslog.", "fcntl.", "mmap.", "signal.", "msvcrt.", "winreg.", "_winapi.", "_posixsubprocess.",
    "select.", "ssl.", "pickle.", "shelve.", "zipimport.", "locale.", "faulthandler.", "setopencodehook",
};

// Interpreter internals the standard library may use while it loads (sys._getframe, marshal),
// but plugin code never.
constexpr std::array internalsPrefixes = {
    "sys.", "gc.", "marshal.", "cpython.", "_thread.", "tracemalloc.", "atexit.", "pdb.",
};
constexpr std::array internalsEvents = {
    "code.__new__", "function.__new__", "builtins.input", "builtins.input/result", "builtins.breakpoint",
    "time.sleep",  // blocks where no time budget can interrupt it
};

// sys._getframemodulename only returns a module name (enum, typing and namedtuple need it);
// the unraisable hook reports errors in finalizers to the plugin's own stderr.
constexpr std::array allowedEvents = {"sys._getframemodulename", "sys.unraisablehook"};

// Function attributes whose replacement would run plugin code with a host module's globals.
constexpr std::array guardedSetAttributes = {"__code__", "__globals__", "__builtins__", "__closure__"};

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

std::string text(PyObject *o)
{
    if (!o)
        return {};
    if (PyUnicode_Check(o)) {
        const char *utf8 = PyUnicode_AsUTF8(o);
        if (utf8)
            return utf8;
        PyErr_Clear();
        return {};
    }
    if (PyBytes_Check(o))
        return std::string(PyBytes_AS_STRING(o), static_cast<size_t>(PyBytes_GET_SIZE(o)));
    if (PyLong_Check(o)) {
        long v = PyLong_AsLong(o);
        if (v == -1 && PyErr_Occurred())
            PyErr_Clear();
        return std::to_string(v);
    }
    return std::string("<") + Py_TYPE(o)->tp_name + ">";
}

PyObject *arg(PyObject *args, Py_ssize_t i)
{
    return PyTuple_Check(args) && PyTuple_GET_SIZE(args) > i ? PyTuple_GET_ITEM(args, i) : nullptr;
}

// Read-only opens of standard-library files, for the imports the host performs.
int judgeOpen(SandboxGuard &guard, PyObject *args)
{
    const std::string path = text(arg(args, 0));
    const std::string mode = text(arg(args, 1));
    const bool readOnly = mode.empty() || mode == "r" || mode == "rb";
    if (guard.inHostScope() && readOnly && guard.underStdlib(path))
        return 0;
    return guard.refuseEvent("open", path);
}

// A module the standard library loads lazily while plugin code runs (datetime.strptime
// loads _strptime) is loaded right here, in host scope, so that its files may be read; the
// import that raised the event then finds it loaded. Never-listed modules stay refused.
int judgeImport(SandboxGuard &guard, PyObject *args)
{
    const std::string name = text(arg(args, 0));
    if (guard.inHostScope())
        return 0;
    if (guard.policy().forbidsImport(name))
        return guard.refuse(PyExc_ImportError, "import", name, "import of '" + name + "' is not allowed in a sandbox");
    SandboxGuard::HostScope scope(guard);
    PyRef module = PyRef::steal(PyImport_ImportModuleLevel(name.c_str(), nullptr, nullptr, nullptr, 0));
    if (!module)
        return -1;
    guard.allowed("import", name + " (loaded by the standard library)");
    return 0;
}

int judgeSetAttribute(SandboxGuard &guard, std::string_view event, PyObject *args)
{
    const std::string name = text(arg(args, 1));
    for (const char *guarded : guardedSetAttributes) {
        if (name == guarded)
            return guard.refuseEvent(event, name);
    }
    return 0;
}

int hook(const char *event, PyObject *args, void *)
{
    SandboxGuard *guard = SandboxGuard::current();
    if (!guard)
        return 0;
    const std::string_view name(event);
    if (name == "open")
        return judgeOpen(*guard, args);
    if (name == "import")
        return judgeImport(*guard, args);
    if (name == "object.__setattr__" || name == "object.__delattr__")
        return judgeSetAttribute(*guard, name, args);
    if (guard->inHostScope() && (name == "os.listdir" || name == "os.scandir") &&
        guard->underStdlib(text(arg(args, 0))))
        return 0;  // the import machinery listing stdlib directories
    for (const char *prefix : authorityPrefixes) {
        if (startsWith(name, prefix))
            return guard->refuseEvent(name, text(arg(args, 0)));
    }
    if (guard->inHostScope())
        return 0;
    if (name == "object.__getattr__")  // reads of the attributes CPython itself audits
        return guard->refuseEvent(name, text(arg(args, 1)));
    for (const char *allowed : allowedEvents) {
        if (name == allowed)
            return 0;
    }
    for (const char *refused : internalsEvents) {
        if (name == refused)
            return guard->refuseEvent(name, text(arg(args, 0)));
    }
    for (const char *prefix : internalsPrefixes) {
        if (startsWith(name, prefix))
            return guard->refuseEvent(name, text(arg(args, 0)));
    }
    return 0;
}

} // namespace

bool AuditHook::install()
{
    return PySys_AddAuditHook(&hook, nullptr) == 0;
}

} // namespace objcap::py
