#include "objcapmodule.h"

#include <string>

namespace objcap::py {

namespace {

struct State {
    Lockdown *lockdown;
};

int addException(PyObject *module, const char *name, const char *doc, PyObject *base)
{
    PyRef type = PyRef::steal(PyErr_NewExceptionWithDoc((std::string("objcap.") + name).c_str(), doc, base, nullptr));
    return type ? PyModule_AddObjectRef(module, name, type.get()) : -1;
}

int exec(PyObject *module)
{
    if (addException(module, "CapabilityError",
                     "Refused: the sandbox gives no ambient authority, or a capability does not reach that far.",
                     PyExc_PermissionError) < 0)
        return -1;
    PyRef capabilityError = PyRef::steal(PyObject_GetAttrString(module, "CapabilityError"));
    if (!capabilityError ||
        addException(module, "RevokedError", "The capability has been revoked by the host.", capabilityError.get()) < 0)
        return -1;
    return addException(module, "LimitExceeded", "A time or memory budget of the sandbox was exceeded.",
                        PyExc_BaseException);
}

PyModuleDef_Slot slots[] = {
    {Py_mod_exec, reinterpret_cast<void *>(exec)},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {0, nullptr},
};

PyModuleDef definition = {
    PyModuleDef_HEAD_INIT,
    "objcap",
    "What a sandboxed plugin sees of objcap: its exceptions and, later, its capabilities.",
    sizeof(State),
    nullptr,
    slots,
    nullptr,
    nullptr,
    nullptr,
};

} // namespace

PyRef ObjcapModule::create(Lockdown *lockdown)
{
    // A module needs a spec to be created from a multi-phase definition; an object with a
    // `name` is all CPython reads from it.
    PyRef name = PyRef::steal(PyUnicode_FromString("objcap"));
    PyRef spec = PyRef::steal(PyModule_New("objcap.spec"));
    if (!name || !spec || PyObject_SetAttrString(spec.get(), "name", name.get()) < 0)
        return {};
    PyRef module = PyRef::steal(PyModule_FromDefAndSpec(&definition, spec.get()));
    if (!module)
        return {};
    if (PyModule_ExecDef(module.get(), &definition) < 0)  // allocates the state
        return {};
    static_cast<State *>(PyModule_GetState(module.get()))->lockdown = lockdown;
    return module;
}

Lockdown *ObjcapModule::lockdownOf(PyObject *module)
{
    auto *state = static_cast<State *>(PyModule_GetState(module));
    return state ? state->lockdown : nullptr;
}

} // namespace objcap::py
