#include "moduleview.h"

#include "gcfields.h"
#include "lockdown.h"

#include <string>

namespace objcap::py {

namespace {

struct ViewObject {
    PyObject_HEAD
    PyObject *module;
    Lockdown *lockdown;
};
using Gc = GcFields<ViewObject, &ViewObject::module>;

ViewObject *asView(PyObject *self)
{
    return reinterpret_cast<ViewObject *>(self);
}

std::string moduleName(PyObject *module)
{
    const char *name = PyModule_GetName(module);
    if (!name) {
        PyErr_Clear();
        return "?";
    }
    return name;
}

PyObject *missing(PyObject *self, PyObject *name)
{
    return PyErr_Format(PyExc_AttributeError, "module '%s' has no attribute '%U' in a sandbox",
                        moduleName(asView(self)->module).c_str(), name);
}

bool isPublic(const char *name)
{
    return name[0] != '_';
}

// The value plugin code may see for module.name, or null with AttributeError set. A module
// value is shown as a view if the policy allows it under its own name or as module.name
// (collections.abc is the module _collections_abc).
PyObject *visible(PyObject *self, PyObject *nameObject)
{
    ViewObject *v = asView(self);
    const char *name = PyUnicode_AsUTF8(nameObject);
    if (!name)
        return nullptr;
    const std::string module = moduleName(v->module);
    if (!isPublic(name) || v->lockdown->hidesAttribute(module, name))
        return missing(self, nameObject);
    PyRef value = PyRef::steal(PyObject_GetAttr(v->module, nameObject));
    if (!value) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError))
            return nullptr;
        PyErr_Clear();
        // An allowed submodule that has not been imported yet (collections.abc).
        const std::string submodule = module + "." + name;
        if (v->lockdown->allowsImport(submodule))
            return v->lockdown->importView(submodule).release();
        return missing(self, nameObject);
    }
    if (PyModule_Check(value.get())) {
        const std::string full = moduleName(value.get());
        if (v->lockdown->allowsImport(full))
            return v->lockdown->importView(full).release();
        const std::string path = module + "." + name;
        if (v->lockdown->allowsImport(path))
            return v->lockdown->importView(path).release();
        return missing(self, nameObject);
    }
    if (PyCapsule_CheckExact(value.get()))
        return missing(self, nameObject);
    return value.release();
}

// __all__ of the module if it has one, else its public names; only names visible here.
PyObject *publicNames(PyObject *self)
{
    ViewObject *v = asView(self);
    PyRef all = PyRef::steal(PyObject_GetAttrString(v->module, "__all__"));
    if (!all) {
        PyErr_Clear();
        PyRef dict = PyRef::borrow(PyModule_GetDict(v->module));
        all = PyRef::steal(PyDict_Keys(dict.get()));
    }
    PyRef names = all ? PyRef::steal(PySequence_List(all.get())) : PyRef();
    PyRef out = PyRef::steal(PyList_New(0));
    if (!names || !out)
        return nullptr;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(names.get()); ++i) {
        PyObject *name = PyList_GET_ITEM(names.get(), i);
        if (!PyUnicode_Check(name))
            continue;
        PyRef value = PyRef::steal(visible(self, name));
        if (!value) {
            if (!PyErr_ExceptionMatches(PyExc_AttributeError))
                return nullptr;
            PyErr_Clear();
            continue;
        }
        if (PyList_Append(out.get(), name) < 0)
            return nullptr;
    }
    if (PyList_Sort(out.get()) < 0)
        return nullptr;
    return PyList_AsTuple(out.get());
}

PyObject *getattro(PyObject *self, PyObject *name)
{
    if (!PyUnicode_Check(name))
        return PyErr_Format(PyExc_TypeError, "attribute name must be a string");
    ViewObject *v = asView(self);
    // No __name__: `from m import x` falls back to sys.modules[m.__name__ + ".x"] when the
    // view has no x, which would hand out the real submodule.
    if (PyUnicode_EqualToUTF8(name, "__doc__")) {
        PyRef doc = PyRef::steal(PyObject_GetAttrString(v->module, "__doc__"));
        if (doc && PyUnicode_Check(doc.get()))
            return doc.release();
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    if (PyUnicode_EqualToUTF8(name, "__all__"))
        return publicNames(self);
    if (PyUnicode_EqualToUTF8(name, "__class__") || PyUnicode_EqualToUTF8(name, "__dir__") ||
        PyUnicode_EqualToUTF8(name, "__repr__"))
        return PyObject_GenericGetAttr(self, name);
    return visible(self, name);
}

int setattro(PyObject *self, PyObject *name, PyObject *)
{
    PyErr_Format(PyExc_AttributeError, "module '%s' is read-only in a sandbox (cannot set '%U')",
                 moduleName(asView(self)->module).c_str(), name);
    return -1;
}

PyObject *dir(PyObject *self, PyObject *)
{
    PyRef names = PyRef::steal(publicNames(self));
    if (!names)
        return nullptr;
    PyRef list = PyRef::steal(PySequence_List(names.get()));
    for (const char *dunder : {"__all__", "__doc__"}) {
        PyRef s = PyRef::steal(PyUnicode_FromString(dunder));
        if (!list || !s || PyList_Append(list.get(), s.get()) < 0)
            return nullptr;
    }
    return list.release();
}

PyObject *repr(PyObject *self)
{
    return PyUnicode_FromFormat("<module '%s' (sandbox view)>", moduleName(asView(self)->module).c_str());
}

PyMethodDef methods[] = {
    {"__dir__", dir, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

PyType_Slot slots[] = {
    {Py_tp_getattro, reinterpret_cast<void *>(getattro)},
    {Py_tp_setattro, reinterpret_cast<void *>(setattro)},
    {Py_tp_repr, reinterpret_cast<void *>(repr)},
    {Py_tp_methods, methods},
    {Py_tp_traverse, reinterpret_cast<void *>(Gc::traverse)},
    {Py_tp_clear, reinterpret_cast<void *>(Gc::clear)},
    {Py_tp_dealloc, reinterpret_cast<void *>(Gc::dealloc)},
    {0, nullptr},
};

PyType_Spec spec = {
    "objcap.ModuleView",
    sizeof(ViewObject),
    0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION | Py_TPFLAGS_IMMUTABLETYPE,
    slots,
};

} // namespace

PyRef ModuleView::createType()
{
    return PyRef::steal(PyType_FromSpec(&spec));
}

PyRef ModuleView::create(PyObject *viewType, PyObject *module, Lockdown *lockdown)
{
    auto *tp = reinterpret_cast<PyTypeObject *>(viewType);
    PyRef self = PyRef::steal(tp->tp_alloc(tp, 0));
    if (!self)
        return {};
    asView(self.get())->module = Py_NewRef(module);
    asView(self.get())->lockdown = lockdown;
    return self;
}

} // namespace objcap::py
