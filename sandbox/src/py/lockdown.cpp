#include "lockdown.h"

#include "../beneathresolver.h"
#include "../granttable.h"
#include "capabilityproxy.h"
#include "plugincontext.h"
#include "errorcapture.h"
#include "guardedattribute.h"
#include "moduleview.h"
#include "objcapmodule.h"
#include "sandboxbuiltins.h"
#include "sandboxguard.h"
#include "subclassesfilter.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>

namespace objcap::py {

namespace {

// Names that give ambient authority or reach the import machinery, taken out of the plugin's
// built-ins. The interpreter's own keep them (tokenize imports builtins.open): what they
// would do is refused by the audit hook.
constexpr std::array removedBuiltins = {
    "open", "input", "breakpoint", "help", "exit", "quit", "copyright", "credits", "license",
};

struct Hidden {
    PyTypeObject *type;
    const char *name;
};

// Attributes whose value leads out of the plugin's own object graph.
const std::array<Hidden, 25> hiddenAttributes = {{
    {&PyFunction_Type, "__globals__"},
    {&PyFunction_Type, "__builtins__"},
    {&PyFunction_Type, "__closure__"},
    {&PyFunction_Type, "__code__"},
    {&PyCFunction_Type, "__self__"},
    {&PyFrame_Type, "f_back"},
    {&PyFrame_Type, "f_globals"},
    {&PyFrame_Type, "f_builtins"},
    {&PyFrame_Type, "f_locals"},
    {&PyFrame_Type, "f_code"},
    {&PyFrame_Type, "f_trace"},
    {&PyTraceBack_Type, "tb_frame"},
    {&PyGen_Type, "gi_frame"},
    {&PyGen_Type, "gi_code"},
    {&PyGen_Type, "gi_yieldfrom"},
    {&PyCoro_Type, "cr_frame"},
    {&PyCoro_Type, "cr_code"},
    {&PyCoro_Type, "cr_await"},
    {&PyCoro_Type, "cr_origin"},
    {&PyAsyncGen_Type, "ag_frame"},
    {&PyAsyncGen_Type, "ag_code"},
    {&PyAsyncGen_Type, "ag_await"},
    {&PyCell_Type, "cell_contents"},
    {&PyCode_Type, "replace"},
    {&PyCode_Type, "__replace__"},
}};

Error failure(const char *what)
{
    Error error = ErrorCapture::take(ErrorCode::Runtime, nullptr);
    error.message = std::string("cannot lock down the sandbox (") + what + "): " + error.message;
    return error;
}

// Called by a weakref when a code object the sandbox compiled dies.
PyObject *forgetCode(PyObject *entry, PyObject *)
{
    // entry: (registry, key)
    if (PyDict_DelItem(PyTuple_GET_ITEM(entry, 0), PyTuple_GET_ITEM(entry, 1)) < 0)
        PyErr_Clear();
    Py_RETURN_NONE;
}

PyMethodDef forgetCodeDef = {"forget", forgetCode, METH_O, nullptr};

} // namespace

Result<std::unique_ptr<Lockdown>> Lockdown::apply(SandboxGuard &guard, PyObject *mainDict,
                                                  const detail::GrantTable &grants, CallbackFactory makeCallback)
{
    std::unique_ptr<Lockdown> lockdown(new Lockdown(guard));
    lockdown->m_makeCallback = std::move(makeCallback);
    lockdown->m_grants = &grants;
    Result<void> r = lockdown->installModule(mainDict, grants);
    if (r)
        r = lockdown->installImporter();
    if (r)
        r = lockdown->sealBuiltins(mainDict);
    if (r)
        r = lockdown->sealIntrospection();
    if (!r) {
        lockdown->release();
        return r.error();
    }
    guard.setRefusalTypes(lockdown->m_capabilityError.get(), lockdown->m_hiddenAttributeError.get());
    return lockdown;
}

Lockdown::~Lockdown()
{
    if (m_package >= 0)
        ::close(m_package);
}

bool Lockdown::grantsClosed() const
{
    return m_grants && m_grants->closed();
}

void Lockdown::release()
{
    // The standard library may still run while the interpreter ends: give it back the
    // interpreter's own exec and eval, which need nothing of ours.
    if (PyObject *builtins = PyEval_GetBuiltins(); builtins && m_originals) {
        for (const char *name : {"exec", "eval"}) {
            if (PyObject *original = PyDict_GetItemString(m_originals.get(), name))
                PyDict_SetItemString(builtins, name, original);
        }
        PyErr_Clear();
    }
    m_guard.setRefusalTypes(nullptr, nullptr);
    for (PyRef *ref : {&m_objcapModule, &m_capabilityError, &m_limitExceeded, &m_hiddenAttributeError, &m_revokedError,
                       &m_capabilityType, &m_capabilityMethodType, &m_contextType, &m_viewType, &m_guardType, &m_subclassesType, &m_views,
                       &m_originals, &m_pluginBuiltins, &m_compiled, &m_callbacks, &m_pluginModules})
        ref->reset();
}

Result<void> Lockdown::installModule(PyObject *mainDict, const detail::GrantTable &grants)
{
    m_objcapModule = ObjcapModule::create(this);
    if (!m_objcapModule)
        return failure("objcap module");
    m_capabilityError = PyRef::steal(PyObject_GetAttrString(m_objcapModule.get(), "CapabilityError"));
    m_limitExceeded = PyRef::steal(PyObject_GetAttrString(m_objcapModule.get(), "LimitExceeded"));
    // A hidden attribute raises an AttributeError that is also a ValueError: code that probes
    // functions and tolerates failure (dataclasses building a docstring through
    // inspect.signature catches ValueError) keeps working. It prints as AttributeError.
    PyRef bases = PyRef::steal(PyTuple_Pack(2, PyExc_AttributeError, PyExc_ValueError));
    m_hiddenAttributeError = bases ? PyRef::steal(PyErr_NewException("builtins.AttributeError", bases.get(), nullptr))
                                   : PyRef();
    m_revokedError = PyRef::steal(PyObject_GetAttrString(m_objcapModule.get(), "RevokedError"));
    if (!m_capabilityError || !m_limitExceeded || !m_hiddenAttributeError || !m_revokedError)
        return failure("objcap exceptions");

    m_capabilityType = CapabilityProxy::createType();
    m_capabilityMethodType = CapabilityProxy::createMethodType();
    m_contextType = PluginContext::createType();
    PyRef context = m_contextType ? PluginContext::create(m_contextType.get(), this, &grants) : PyRef();
    if (!m_capabilityType || !m_capabilityMethodType || !context ||
        PyDict_SetItemString(mainDict, "ctx", context.get()) < 0)
        return failure("capabilities");
    return {};
}

Result<void> Lockdown::installImporter()
{
    m_viewType = ModuleView::createType();
    m_views = PyRef::steal(PyDict_New());
    m_compiled = PyRef::steal(PyDict_New());
    m_originals = PyRef::steal(PyDict_New());
    m_callbacks = PyRef::steal(PyDict_New());
    m_pluginModules = PyRef::steal(PyDict_New());
    if (!m_viewType || !m_views || !m_compiled || !m_originals || !m_callbacks || !m_pluginModules)
        return failure("importer");
    return {};
}

Result<void> Lockdown::sealBuiltins(PyObject *mainDict)
{
    PyObject *builtins = PyEval_GetBuiltins();  // borrowed: the interpreter's builtins dict
    if (!builtins)
        return failure("builtins");
    for (const char *name : {"exec", "eval", "compile"}) {
        PyObject *original = PyDict_GetItemString(builtins, name);
        if (!original || PyDict_SetItemString(m_originals.get(), name, original) < 0)
            return failure("builtins");
    }
    PyRef moduleName = PyRef::steal(PyUnicode_FromString("builtins"));
    for (PyMethodDef *def = SandboxBuiltins::interpreterFunctions(); def->ml_name; ++def) {
        PyRef function = PyRef::steal(PyCFunction_NewEx(def, m_objcapModule.get(), moduleName.get()));
        if (!function || PyDict_SetItemString(builtins, def->ml_name, function.get()) < 0)
            return failure("builtins");
    }

    m_pluginBuiltins = PyRef::steal(PyDict_Copy(builtins));
    if (!m_pluginBuiltins)
        return failure("builtins");
    for (const char *name : removedBuiltins) {
        if (PyDict_GetItemString(m_pluginBuiltins.get(), name) &&
            PyDict_DelItemString(m_pluginBuiltins.get(), name) < 0)
            return failure("builtins");
    }
    for (const char *name : {"__loader__", "__spec__"}) {
        if (PyDict_GetItemString(m_pluginBuiltins.get(), name) &&
            PyDict_DelItemString(m_pluginBuiltins.get(), name) < 0)
            return failure("builtins");
    }
    for (PyMethodDef *def = SandboxBuiltins::pluginFunctions(); def->ml_name; ++def) {
        PyRef function = PyRef::steal(PyCFunction_NewEx(def, m_objcapModule.get(), moduleName.get()));
        if (!function || PyDict_SetItemString(m_pluginBuiltins.get(), def->ml_name, function.get()) < 0)
            return failure("builtins");
    }

    // The plugin runs as __main__ (so that code looking up its classes' module finds the
    // plugin's own namespace), with the sealed built-ins and no way to the import machinery.
    for (const char *name : {"__loader__", "__spec__", "__file__", "__cached__"}) {
        if (PyDict_GetItemString(mainDict, name) && PyDict_DelItemString(mainDict, name) < 0)
            return failure("__main__");
    }
    if (PyDict_SetItemString(mainDict, "__builtins__", m_pluginBuiltins.get()) < 0)
        return failure("__main__");
    return {};
}

Result<void> Lockdown::sealIntrospection()
{
    // `types` learns the interpreter's internal types from the very attributes hidden below
    // (type(f.__code__), type(tb.tb_frame), ...); the standard library imports it everywhere.
    if (!load("types"))
        return failure("types");
    m_guardType = GuardedAttribute::createType();
    if (!m_guardType)
        return failure("introspection");
    for (const Hidden &hidden : hiddenAttributes) {
        if (!GuardedAttribute::install(m_guardType.get(), hidden.type, hidden.name, hidden.type == &PyFrame_Type))
            return failure("introspection");
    }
    m_subclassesType = SubclassesFilter::createType();
    if (!m_subclassesType || !SubclassesFilter::install(m_subclassesType.get()))
        return failure("introspection");
    return {};
}

bool Lockdown::allowsImport(const std::string &module) const
{
    return m_guard.policy().allowsImport(module);
}

bool Lockdown::hidesAttribute(const std::string &module, const char *name) const
{
    return m_guard.policy().hidesAttribute(module, name);
}

PyRef Lockdown::importView(const std::string &module)
{
    if (!active()) {
        PyErr_SetString(PyExc_RuntimeError, "the sandbox is shutting down");
        return {};
    }
    PyObject *cached = PyDict_GetItemString(m_views.get(), module.c_str());  // borrowed
    if (cached)
        return PyRef::borrow(cached);
    PyRef real = load(module);
    if (!real)
        return {};
    PyRef view = ModuleView::create(m_viewType.get(), real.get(), this);
    if (!view || PyDict_SetItemString(m_views.get(), module.c_str(), view.get()) < 0)
        return {};
    m_guard.allowed("import", module);
    return view;
}

PyRef Lockdown::load(const std::string &module)
{
    SandboxGuard::HostScope scope(m_guard);
    PyRef name = PyRef::steal(PyUnicode_FromString(module.c_str()));
    PyRef top = name ? PyRef::steal(PyImport_ImportModuleLevelObject(name.get(), nullptr, nullptr, nullptr, 0))
                     : PyRef();
    return top ? PyRef::steal(PyImport_GetModule(name.get())) : PyRef();
}

PyRef Lockdown::objcapView()
{
    if (!active()) {
        PyErr_SetString(PyExc_RuntimeError, "the sandbox is shutting down");
        return {};
    }
    PyObject *cached = PyDict_GetItemString(m_views.get(), "objcap");
    if (cached)
        return PyRef::borrow(cached);
    PyRef view = ModuleView::create(m_viewType.get(), m_objcapModule.get(), this);
    if (!view || PyDict_SetItemString(m_views.get(), "objcap", view.get()) < 0)
        return {};
    return view;
}

Result<void> Lockdown::setPackage(const std::string &folder, const std::string &display,
                                  std::map<std::string, std::string> *sources)
{
    m_package = ::open(folder.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (m_package < 0)
        return Error::make(ErrorCode::NotFound, "cannot open the plugin folder '" + folder + "'");
    m_packageDisplay = display;
    m_sources = sources;
    return {};
}

PyRef Lockdown::pluginModule(const std::string &name)
{
    if (m_package < 0 || !active())
        return {};
    if (PyObject *loaded = PyDict_GetItemString(m_pluginModules.get(), name.c_str()))
        return PyRef::borrow(loaded);
    const size_t dot = name.rfind('.');
    if (dot != std::string::npos) {  // a submodule: its package first
        PyRef parent = pluginModule(name.substr(0, dot));
        if (!parent)
            return {};
    }
    std::string relative = name;
    std::replace(relative.begin(), relative.end(), '.', '/');
    bool package = false;
    auto fd = detail::BeneathResolver::open(m_package, relative + ".py", O_RDONLY, 0, "");
    if (!fd) {
        fd = detail::BeneathResolver::open(m_package, relative + "/__init__.py", O_RDONLY, 0, "");
        package = static_cast<bool>(fd);
        relative += "/__init__.py";
    } else {
        relative += ".py";
    }
    if (!fd)
        return {};  // not one of the plugin's modules
    struct stat st {};
    std::string source;
    if (fstat(fd->get(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size < (off_t{16} << 20)) {
        source.resize(static_cast<size_t>(st.st_size));
        if (::read(fd->get(), source.data(), source.size()) != st.st_size)
            source.clear();
    }
    const std::string filename = m_packageDisplay + "/" + relative;
    if (m_sources)
        (*m_sources)[filename] = source;
    PyRef module = PyRef::steal(PyModule_New(name.c_str()));
    PyObject *dict = module ? PyModule_GetDict(module.get()) : nullptr;
    PyRef file = PyRef::steal(PyUnicode_FromString(filename.c_str()));
    const std::string packageName = package ? name : (dot == std::string::npos ? "" : name.substr(0, dot));
    PyRef packageObject = PyRef::steal(PyUnicode_FromString(packageName.c_str()));
    if (!dict || !file || !packageObject || PyDict_SetItemString(dict, "__builtins__", m_pluginBuiltins.get()) < 0 ||
        PyDict_SetItemString(dict, "__file__", file.get()) < 0 ||
        PyDict_SetItemString(dict, "__package__", packageObject.get()) < 0)
        return {};
    if (package) {
        PyRef path = PyRef::steal(PyList_New(0));
        if (!path || PyDict_SetItemString(dict, "__path__", path.get()) < 0)
            return {};
    }
    m_guard.addPluginModule(name);
    // Registered before it runs, so that imports inside it (and cycles) find it.
    if (PyDict_SetItemString(m_pluginModules.get(), name.c_str(), module.get()) < 0)
        return {};
    PyRef code = PyRef::steal(Py_CompileStringExFlags(source.c_str(), filename.c_str(), Py_file_input, nullptr, -1));
    PyRef result = code ? PyRef::steal(PyEval_EvalCode(code.get(), dict, dict)) : PyRef();
    if (!result) {
        PyRef error = PyRef::steal(PyErr_GetRaisedException());
        PyDict_DelItemString(m_pluginModules.get(), name.c_str());
        PyErr_SetRaisedException(error.release());
        return {};
    }
    if (dot != std::string::npos) {  // bind it in its package, as the import system does
        PyObject *parent = PyDict_GetItemString(m_pluginModules.get(), name.substr(0, dot).c_str());
        if (parent && PyObject_SetAttrString(parent, name.substr(dot + 1).c_str(), module.get()) < 0)
            return {};
    }
    return module;
}

Value::CallbackRef Lockdown::registerCallback(PyObject *callable)
{
    if (!active()) {
        PyErr_SetString(PyExc_RuntimeError, "the sandbox is shutting down");
        return nullptr;
    }
    const std::uint64_t id = m_nextCallback++;
    PyRef key = PyRef::steal(PyLong_FromUnsignedLongLong(id));
    if (!key || !m_makeCallback || PyDict_SetItem(m_callbacks.get(), key.get(), callable) < 0)
        return nullptr;
    return m_makeCallback(id);
}

PyObject *Lockdown::callback(std::uint64_t id) const
{
    PyRef key = PyRef::steal(PyLong_FromUnsignedLongLong(id));
    return key && m_callbacks ? PyDict_GetItem(m_callbacks.get(), key.get()) : nullptr;
}

void Lockdown::releaseCallback(std::uint64_t id)
{
    PyRef key = PyRef::steal(PyLong_FromUnsignedLongLong(id));
    if (key && m_callbacks && PyDict_DelItem(m_callbacks.get(), key.get()) < 0)
        PyErr_Clear();
}

PyObject *Lockdown::originalBuiltin(const char *name) const
{
    return PyDict_GetItemString(m_originals.get(), name);
}

bool Lockdown::rememberCode(PyObject *code)
{
    PyRef key = PyRef::steal(PyLong_FromVoidPtr(code));
    PyRef entry = key ? PyRef::steal(PyTuple_Pack(2, m_compiled.get(), key.get())) : PyRef();
    PyRef callback = entry ? PyRef::steal(PyCFunction_New(&forgetCodeDef, entry.get())) : PyRef();
    PyRef ref = callback ? PyRef::steal(PyWeakref_NewRef(code, callback.get())) : PyRef();
    return ref && PyDict_SetItem(m_compiled.get(), key.get(), ref.get()) == 0;
}

bool Lockdown::compiledHere(PyObject *code) const
{
    if (!m_compiled)
        return false;
    PyRef key = PyRef::steal(PyLong_FromVoidPtr(code));
    PyObject *ref = key ? PyDict_GetItem(m_compiled.get(), key.get()) : nullptr;  // borrowed
    if (!ref)
        return false;
    PyObject *alive = nullptr;
    if (PyWeakref_GetRef(ref, &alive) <= 0) {
        PyErr_Clear();
        return false;
    }
    const bool same = alive == code;
    Py_DECREF(alive);
    return same;
}

bool Lockdown::isHostModuleDict(PyObject *globals) const
{
    PyObject *name = PyDict_GetItemString(globals, "__name__");  // borrowed
    if (!name || !PyUnicode_Check(name))
        return false;
    const char *text = PyUnicode_AsUTF8(name);
    if (!text) {
        PyErr_Clear();
        return false;
    }
    if (m_guard.isPluginModule(text))
        return false;
    PyObject *module = PyDict_GetItem(PyImport_GetModuleDict(), name);  // borrowed
    if (!module || !PyModule_Check(module) || PyModule_GetDict(module) != globals)
        return false;
    // importlib executes a module's code in its namespace while it is being loaded.
    PyRef spec = PyRef::steal(PyObject_GetAttrString(module, "__spec__"));
    PyRef initializing = spec ? PyRef::steal(PyObject_GetAttrString(spec.get(), "_initializing")) : PyRef();
    PyErr_Clear();
    return !(initializing && PyObject_IsTrue(initializing.get()) == 1);
}

} // namespace objcap::py
