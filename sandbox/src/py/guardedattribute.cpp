#include "guardedattribute.h"

#include "gcfields.h"
#include "sandboxguard.h"

#include <string>

namespace objcap::py {

namespace {

struct GuardObject {
    PyObject_HEAD
    PyObject *original;  // the descriptor it replaced
    PyObject *name;
    PyTypeObject *owner;
    bool openInHostScope;
};
using Gc = GcFields<GuardObject, &GuardObject::original, &GuardObject::name>;

GuardObject *asGuard(PyObject *self)
{
    return reinterpret_cast<GuardObject *>(self);
}

int refuse(GuardObject *g, SandboxGuard *guard, const char *what)
{
    const char *name = PyUnicode_AsUTF8(g->name);
    std::string message = std::string("'") + g->owner->tp_name + "' object attribute '" + (name ? name : "?") +
                          "' is hidden in a sandbox";
    if (guard)
        return guard->refuse(guard->hiddenAttributeType(), what,
                             std::string(g->owner->tp_name) + "." + (name ? name : "?"), message);
    PyErr_SetString(PyExc_AttributeError, message.c_str());
    return -1;
}

PyObject *descrGet(PyObject *self, PyObject *obj, PyObject *type)
{
    GuardObject *g = asGuard(self);
    SandboxGuard *guard = SandboxGuard::current();
    if (guard && !(g->openInHostScope && guard->inHostScope())) {
        refuse(g, guard, "hidden attribute");
        return nullptr;
    }
    descrgetfunc get = Py_TYPE(g->original)->tp_descr_get;
    return get ? get(g->original, obj, type) : Py_NewRef(g->original);
}

// Found in a type's __dict__ directly: calling it is no way around it.
PyObject *call(PyObject *self, PyObject *, PyObject *)
{
    refuse(asGuard(self), SandboxGuard::current(), "hidden attribute call");
    return nullptr;
}

int descrSet(PyObject *self, PyObject *obj, PyObject *value)
{
    GuardObject *g = asGuard(self);
    SandboxGuard *guard = SandboxGuard::current();
    descrsetfunc set = Py_TYPE(g->original)->tp_descr_set;
    if (guard || !set)
        return refuse(g, guard, value ? "hidden attribute set" : "hidden attribute delete");
    return set(g->original, obj, value);
}

PyObject *repr(PyObject *self)
{
    GuardObject *g = asGuard(self);
    return PyUnicode_FromFormat("<hidden attribute %R of '%s' objects>", g->name, g->owner->tp_name);
}

PyType_Slot slots[] = {
    {Py_tp_descr_get, reinterpret_cast<void *>(descrGet)},
    {Py_tp_descr_set, reinterpret_cast<void *>(descrSet)},
    {Py_tp_repr, reinterpret_cast<void *>(repr)},
    {Py_tp_call, reinterpret_cast<void *>(call)},
    {Py_tp_traverse, reinterpret_cast<void *>(Gc::traverse)},
    {Py_tp_clear, reinterpret_cast<void *>(Gc::clear)},
    {Py_tp_dealloc, reinterpret_cast<void *>(Gc::dealloc)},
    {0, nullptr},
};

PyType_Spec spec = {
    "objcap.HiddenAttribute",
    sizeof(GuardObject),
    0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION | Py_TPFLAGS_IMMUTABLETYPE,
    slots,
};

} // namespace

PyRef GuardedAttribute::createType()
{
    return PyRef::steal(PyType_FromSpec(&spec));
}

bool GuardedAttribute::install(PyObject *guardType, PyTypeObject *owner, const char *name, bool openInHostScope)
{
    PyRef dict = PyRef::steal(PyType_GetDict(owner));
    if (!dict)
        return false;
    PyObject *original = PyDict_GetItemString(dict.get(), name);  // borrowed
    if (!original)
        return true;
    auto *tp = reinterpret_cast<PyTypeObject *>(guardType);
    PyRef self = PyRef::steal(tp->tp_alloc(tp, 0));
    PyRef key = PyRef::steal(PyUnicode_FromString(name));
    if (!self || !key)
        return false;
    GuardObject *g = asGuard(self.get());
    g->original = Py_NewRef(original);
    g->name = key.release();
    g->owner = owner;
    g->openInHostScope = openInHostScope;
    if (PyDict_SetItemString(dict.get(), name, self.get()) < 0)
        return false;
    PyType_Modified(owner);
    return true;
}

} // namespace objcap::py
