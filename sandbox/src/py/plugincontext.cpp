#include "plugincontext.h"

#include "../granttable.h"
#include "capabilityproxy.h"

#include <string>

namespace objcap::py {

namespace {

struct ContextObject {
    PyObject_HEAD
    Lockdown *lockdown;
    const detail::GrantTable *grants;
};

ContextObject *asContext(PyObject *self)
{
    return reinterpret_cast<ContextObject *>(self);
}

PyObject *getattro(PyObject *self, PyObject *nameObject)
{
    const char *name = PyUnicode_Check(nameObject) ? PyUnicode_AsUTF8(nameObject) : nullptr;
    if (!name)
        return PyErr_Format(PyExc_TypeError, "attribute name must be a string");
    if (name[0] == '_' && name[1] == '_')
        return PyObject_GenericGetAttr(self, nameObject);
    std::shared_ptr<Capability> capability = asContext(self)->grants->find(name);
    if (!capability)
        return PyErr_Format(PyExc_AttributeError, "capability '%s' was not granted", name);
    return CapabilityProxy::wrap(*asContext(self)->lockdown, std::move(capability)).release();
}

int setattro(PyObject *, PyObject *name, PyObject *)
{
    PyErr_Format(PyExc_AttributeError, "ctx is read-only (cannot set '%U')", name);
    return -1;
}

PyObject *dir(PyObject *self, PyObject *)
{
    PyRef list = PyRef::steal(PyList_New(0));
    for (const std::string &name : asContext(self)->grants->names()) {
        PyRef s = PyRef::steal(PyUnicode_FromString(name.c_str()));
        if (!list || !s || PyList_Append(list.get(), s.get()) < 0)
            return nullptr;
    }
    return list.release();
}

PyObject *repr(PyObject *self)
{
    std::string names;
    for (const std::string &name : asContext(self)->grants->names())
        names += (names.empty() ? "" : ", ") + name;
    return PyUnicode_FromFormat("<objcap context: %s>", names.empty() ? "nothing granted" : names.c_str());
}

PyObject *refuseCopy(PyObject *, PyObject *)
{
    return PyErr_Format(PyExc_TypeError, "the plugin context cannot be pickled or copied");
}

void dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
    Py_DECREF(tp);
}

PyMethodDef methods[] = {
    {"__dir__", dir, METH_NOARGS, nullptr},
    {"__reduce__", refuseCopy, METH_NOARGS, nullptr},
    {"__reduce_ex__", refuseCopy, METH_O, nullptr},
    {"__copy__", refuseCopy, METH_NOARGS, nullptr},
    {"__deepcopy__", refuseCopy, METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

PyType_Slot slots[] = {
    {Py_tp_getattro, reinterpret_cast<void *>(getattro)},
    {Py_tp_setattro, reinterpret_cast<void *>(setattro)},
    {Py_tp_repr, reinterpret_cast<void *>(repr)},
    {Py_tp_methods, methods},
    {Py_tp_dealloc, reinterpret_cast<void *>(dealloc)},
    {0, nullptr},
};

PyType_Spec spec = {
    "objcap.Context",
    sizeof(ContextObject),
    0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION | Py_TPFLAGS_IMMUTABLETYPE,
    slots,
};

} // namespace

PyRef PluginContext::createType()
{
    return PyRef::steal(PyType_FromSpec(&spec));
}

PyRef PluginContext::create(PyObject *type, Lockdown *lockdown, const detail::GrantTable *grants)
{
    auto *tp = reinterpret_cast<PyTypeObject *>(type);
    PyRef self = PyRef::steal(tp->tp_alloc(tp, 0));
    if (!self)
        return {};
    asContext(self.get())->lockdown = lockdown;
    asContext(self.get())->grants = grants;
    return self;
}

} // namespace objcap::py
