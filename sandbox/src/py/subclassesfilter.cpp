#include "subclassesfilter.h"

#include "gcfields.h"
#include "sandboxguard.h"

#include <string>

namespace objcap::py {

namespace {

struct FilterObject {
    PyObject_HEAD
    PyObject *original;  // type.__subclasses__, the method descriptor
    PyObject *bound;     // the class it was looked up on, or null for the descriptor itself
};
using Gc = GcFields<FilterObject, &FilterObject::original, &FilterObject::bound>;

FilterObject *asFilter(PyObject *self)
{
    return reinterpret_cast<FilterObject *>(self);
}

bool visibleToPlugin(SandboxGuard &guard, PyObject *cls, bool builtins = true)
{
    if (!PyType_Check(cls))
        return false;
    PyRef module = PyRef::steal(PyType_GetModuleName(reinterpret_cast<PyTypeObject *>(cls)));
    const char *name = module && PyUnicode_Check(module.get()) ? PyUnicode_AsUTF8(module.get()) : nullptr;
    if (!name) {
        PyErr_Clear();
        return false;
    }
    const std::string_view m(name);
    return (builtins && m == "builtins") || guard.isPluginModule(m) || guard.policy().allowsImport(m);
}

// Whether __subclasses__ of cls may be asked at all; if not, raises the hidden-attribute error.
bool answers(SandboxGuard &guard, PyObject *cls)
{
    if (!PyType_Check(cls) || (Py_TYPE(cls)->tp_flags & Py_TPFLAGS_HEAPTYPE) ||
        visibleToPlugin(guard, cls, /*builtins=*/false))
        return true;
    guard.refuse(guard.hiddenAttributeType(), "hidden attribute",
                 std::string(reinterpret_cast<PyTypeObject *>(cls)->tp_name) + ".__subclasses__",
                 "'type' object attribute '__subclasses__' is hidden in a sandbox");
    return false;
}

PyObject *subclasses(PyObject *original, PyObject *cls)
{
    SandboxGuard *guard = SandboxGuard::current();
    if (guard && !answers(*guard, cls))
        return nullptr;
    PyRef all = PyRef::steal(PyObject_CallOneArg(original, cls));
    if (!all || !guard || !PyList_Check(all.get()))
        return all.release();
    PyRef shown = PyRef::steal(PyList_New(0));
    if (!shown)
        return nullptr;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(all.get()); ++i) {
        PyObject *sub = PyList_GET_ITEM(all.get(), i);
        if (visibleToPlugin(*guard, sub) && PyList_Append(shown.get(), sub) < 0)
            return nullptr;
    }
    return shown.release();
}

PyObject *make(PyTypeObject *tp, PyObject *original, PyObject *bound)
{
    PyObject *self = tp->tp_alloc(tp, 0);
    if (!self)
        return nullptr;
    asFilter(self)->original = Py_NewRef(original);
    asFilter(self)->bound = Py_XNewRef(bound);
    return self;
}

PyObject *descrGet(PyObject *self, PyObject *obj, PyObject *)
{
    // Found in the class's own dict (type.__subclasses__): unbound, as CPython does.
    if (asFilter(self)->bound || !obj)
        return Py_NewRef(self);
    SandboxGuard *guard = SandboxGuard::current();
    if (guard && !answers(*guard, obj))
        return nullptr;
    return make(Py_TYPE(self), asFilter(self)->original, obj);
}

PyObject *call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    FilterObject *f = asFilter(self);
    if (kwargs && PyDict_GET_SIZE(kwargs) > 0)
        return PyErr_Format(PyExc_TypeError, "__subclasses__() takes no keyword arguments");
    if (f->bound) {
        if (PyTuple_GET_SIZE(args) != 0)
            return PyErr_Format(PyExc_TypeError, "__subclasses__() takes no arguments");
        return subclasses(f->original, f->bound);
    }
    if (PyTuple_GET_SIZE(args) != 1)
        return PyErr_Format(PyExc_TypeError, "__subclasses__() needs the class as its argument");
    return subclasses(f->original, PyTuple_GET_ITEM(args, 0));
}

PyObject *repr(PyObject *self)
{
    if (asFilter(self)->bound)
        return PyUnicode_FromFormat("<built-in method __subclasses__ of %s object>", Py_TYPE(asFilter(self)->bound)->tp_name);
    return PyUnicode_FromString("<method '__subclasses__' of 'type' objects>");
}

PyType_Slot slots[] = {
    {Py_tp_descr_get, reinterpret_cast<void *>(descrGet)},
    {Py_tp_call, reinterpret_cast<void *>(call)},
    {Py_tp_repr, reinterpret_cast<void *>(repr)},
    {Py_tp_traverse, reinterpret_cast<void *>(Gc::traverse)},
    {Py_tp_clear, reinterpret_cast<void *>(Gc::clear)},
    {Py_tp_dealloc, reinterpret_cast<void *>(Gc::dealloc)},
    {0, nullptr},
};

PyType_Spec spec = {
    "objcap.SubclassesMethod",
    sizeof(FilterObject),
    0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION | Py_TPFLAGS_IMMUTABLETYPE,
    slots,
};

} // namespace

PyRef SubclassesFilter::createType()
{
    return PyRef::steal(PyType_FromSpec(&spec));
}

bool SubclassesFilter::install(PyObject *filterType)
{
    PyRef dict = PyRef::steal(PyType_GetDict(&PyType_Type));
    PyObject *original = dict ? PyDict_GetItemString(dict.get(), "__subclasses__") : nullptr;  // borrowed
    if (!original)
        return false;
    PyRef filter = PyRef::steal(make(reinterpret_cast<PyTypeObject *>(filterType), original, nullptr));
    if (!filter || PyDict_SetItemString(dict.get(), "__subclasses__", filter.get()) < 0)
        return false;
    PyType_Modified(&PyType_Type);
    return true;
}

} // namespace objcap::py
