#include "capabilityproxy.h"

#include "lockdown.h"
#include "sandboxguard.h"
#include "valueconverter.h"

#include "objcap/capability.h"

#include <algorithm>
#include <cstddef>
#include <string>

namespace objcap::py {

namespace {

struct ProxyObject {
    PyObject_HEAD
    Value::CapabilityRef *capability;  // owned
    Lockdown *lockdown;
};

struct MethodObject {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    PyObject *proxy;
    std::string *name;  // owned
};

ProxyObject *asProxy(PyObject *self)
{
    return reinterpret_cast<ProxyObject *>(self);
}

Capability &capabilityOf(PyObject *proxy)
{
    return **asProxy(proxy)->capability;
}

bool has(const std::vector<std::string> &names, const std::string &name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

const char *utf8(PyObject *s)
{
    const char *text = PyUnicode_AsUTF8(s);
    if (!text)
        PyErr_Clear();
    return text ? text : "?";
}

Error closedGrants()
{
    return Error::make(ErrorCode::Revoked, "the sandbox was abandoned: all its capabilities are revoked");
}

// Runs one method call: arguments by value in, result by value out, audited.
PyObject *invoke(PyObject *proxy, const std::string &method, PyObject *const *args, size_t nargs, PyObject *kwnames)
{
    Lockdown &lockdown = *asProxy(proxy)->lockdown;
    if (!lockdown.active())
        return PyErr_Format(PyExc_RuntimeError, "the sandbox is shutting down");
    if (lockdown.grantsClosed()) {
        CapabilityProxy::raise(lockdown, closedGrants());
        return nullptr;
    }
    Capability &capability = capabilityOf(proxy);
    Value::List positional;
    positional.reserve(nargs);
    for (size_t i = 0; i < nargs; ++i) {
        Value v;
        if (!ValueConverter::fromPython(args[i], v, &lockdown)) {
            PyErr_Format(PyExc_TypeError, "%s() argument %zu: %s", method.c_str(), i + 1,
                         "only None, bool, int, float, str, bytes, list, tuple, dict with str keys and "
                         "capabilities can be passed to a capability");
            return nullptr;
        }
        positional.push_back(std::move(v));
    }
    Value::Dict keywords;
    const Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; ++i) {
        Value v;
        if (!ValueConverter::fromPython(args[nargs + static_cast<size_t>(i)], v, &lockdown)) {
            PyErr_Format(PyExc_TypeError, "%s() argument '%s' cannot be passed to a capability", method.c_str(),
                         utf8(PyTuple_GET_ITEM(kwnames, i)));
            return nullptr;
        }
        keywords.emplace_back(utf8(PyTuple_GET_ITEM(kwnames, i)), std::move(v));
    }
    const Arguments arguments(method, std::move(positional), std::move(keywords));
    Result<Value> result = capability.invoke(method, arguments);
    const bool refused = !result && (result.error().code == ErrorCode::Refused || result.error().code == ErrorCode::Revoked);
    lockdown.guard().record(capability.kind() + "." + method, capability.auditTarget(arguments), !refused);
    if (!result) {
        CapabilityProxy::raise(lockdown, result.error());
        return nullptr;
    }
    return ValueConverter::toPython(result.value(), &lockdown).release();
}

// --- bound method --------------------------------------------------------------------------

PyObject *methodCall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    auto *m = reinterpret_cast<MethodObject *>(self);
    return invoke(m->proxy, *m->name, args, PyVectorcall_NARGS(nargsf), kwnames);
}

PyObject *methodRepr(PyObject *self)
{
    auto *m = reinterpret_cast<MethodObject *>(self);
    return PyUnicode_FromFormat("<method %s of the %s capability>", m->name->c_str(),
                                capabilityOf(m->proxy).kind().c_str());
}

int methodTraverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(reinterpret_cast<MethodObject *>(self)->proxy);
    Py_VISIT(Py_TYPE(self));
    return 0;
}

int methodClear(PyObject *self)
{
    Py_CLEAR(reinterpret_cast<MethodObject *>(self)->proxy);
    return 0;
}

void methodDealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    methodClear(self);
    delete reinterpret_cast<MethodObject *>(self)->name;
    tp->tp_free(self);
    Py_DECREF(tp);
}

PyMemberDef methodMembers[] = {
    {"__vectorcalloffset__", Py_T_PYSSIZET, offsetof(MethodObject, vectorcall), Py_READONLY, nullptr},
    {nullptr, 0, 0, 0, nullptr},
};

PyType_Slot methodSlots[] = {
    {Py_tp_call, reinterpret_cast<void *>(PyVectorcall_Call)},
    {Py_tp_repr, reinterpret_cast<void *>(methodRepr)},
    {Py_tp_traverse, reinterpret_cast<void *>(methodTraverse)},
    {Py_tp_clear, reinterpret_cast<void *>(methodClear)},
    {Py_tp_dealloc, reinterpret_cast<void *>(methodDealloc)},
    {Py_tp_members, methodMembers},
    {0, nullptr},
};

PyType_Spec methodSpec = {
    "objcap.CapabilityMethod",
    sizeof(MethodObject),
    0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION | Py_TPFLAGS_IMMUTABLETYPE |
        Py_TPFLAGS_HAVE_VECTORCALL,
    methodSlots,
};

// --- proxy ---------------------------------------------------------------------------------

PyObject *getattro(PyObject *self, PyObject *nameObject)
{
    if (!PyUnicode_Check(nameObject))
        return PyErr_Format(PyExc_TypeError, "attribute name must be a string");
    const std::string name = utf8(nameObject);
    Capability &capability = capabilityOf(self);
    if (!asProxy(self)->lockdown->active())
        return PyErr_Format(PyExc_RuntimeError, "the sandbox is shutting down");
    if (has(capability.methods(), name)) {
        Lockdown &lockdown = *asProxy(self)->lockdown;
        auto *tp = reinterpret_cast<PyTypeObject *>(lockdown.capabilityMethodType());
        PyObject *m = tp->tp_alloc(tp, 0);
        if (!m)
            return nullptr;
        auto *method = reinterpret_cast<MethodObject *>(m);
        method->proxy = Py_NewRef(self);
        method->name = new std::string(name);
        method->vectorcall = methodCall;
        return m;
    }
    if (has(capability.attributes(), name)) {
        Lockdown &lockdown = *asProxy(self)->lockdown;
        Result<Value> value = lockdown.grantsClosed() ? Result<Value>(closedGrants()) : capability.attribute(name);
        if (!value) {
            CapabilityProxy::raise(lockdown, value.error());
            return nullptr;
        }
        return ValueConverter::toPython(value.value(), &lockdown).release();
    }
    if (name.size() > 4 && name.compare(0, 2, "__") == 0)  // the proxy's own protocol
        return PyObject_GenericGetAttr(self, nameObject);
    return PyErr_Format(PyExc_AttributeError, "the '%s' capability has no attribute '%s'", capability.kind().c_str(),
                        name.c_str());
}

int setattro(PyObject *self, PyObject *name, PyObject *)
{
    PyErr_Format(PyExc_AttributeError, "the '%s' capability is read-only (cannot set '%U')",
                 capabilityOf(self).kind().c_str(), name);
    return -1;
}

PyObject *repr(PyObject *self)
{
    Capability &capability = capabilityOf(self);
    const std::string scope = capability.scope();
    if (scope.empty())
        return PyUnicode_FromFormat("<objcap %s capability>", capability.kind().c_str());
    return PyUnicode_FromFormat("<objcap %s capability %s>", capability.kind().c_str(), scope.c_str());
}

PyObject *dir(PyObject *self, PyObject *)
{
    Capability &capability = capabilityOf(self);
    PyRef list = PyRef::steal(PyList_New(0));
    std::vector<std::string> all = capability.methods();
    for (const std::string &a : capability.attributes())
        all.push_back(a);
    std::sort(all.begin(), all.end());
    for (const std::string &n : all) {
        PyRef s = PyRef::steal(PyUnicode_FromString(n.c_str()));
        if (!list || !s || PyList_Append(list.get(), s.get()) < 0)
            return nullptr;
    }
    return list.release();
}

PyObject *refuseCopy(PyObject *self, PyObject *)
{
    return PyErr_Format(PyExc_TypeError, "the '%s' capability cannot be pickled or copied",
                        capabilityOf(self).kind().c_str());
}

PyObject *enter(PyObject *self, PyObject *)
{
    return Py_NewRef(self);
}

PyObject *exit(PyObject *self, PyObject *)
{
    if (has(capabilityOf(self).methods(), "close")) {
        PyRef result = PyRef::steal(invoke(self, "close", nullptr, 0, nullptr));
        if (!result)
            return nullptr;
    }
    Py_RETURN_FALSE;
}

PyObject *iter(PyObject *self)
{
    if (!has(capabilityOf(self).methods(), "readline"))
        return PyErr_Format(PyExc_TypeError, "the '%s' capability is not iterable", capabilityOf(self).kind().c_str());
    return Py_NewRef(self);
}

PyObject *iternext(PyObject *self)
{
    PyRef line = PyRef::steal(invoke(self, "readline", nullptr, 0, nullptr));
    if (!line)
        return nullptr;
    if ((PyUnicode_Check(line.get()) && PyUnicode_GET_LENGTH(line.get()) == 0) ||
        (PyBytes_Check(line.get()) && PyBytes_GET_SIZE(line.get()) == 0))
        return nullptr;  // end of file
    return line.release();
}

void dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    delete asProxy(self)->capability;
    tp->tp_free(self);
    Py_DECREF(tp);
}

PyMethodDef methods[] = {
    {"__dir__", dir, METH_NOARGS, nullptr},
    {"__reduce__", refuseCopy, METH_NOARGS, nullptr},
    {"__reduce_ex__", refuseCopy, METH_O, nullptr},
    {"__copy__", refuseCopy, METH_NOARGS, nullptr},
    {"__deepcopy__", refuseCopy, METH_O, nullptr},
    {"__getstate__", refuseCopy, METH_NOARGS, nullptr},
    {"__enter__", enter, METH_NOARGS, nullptr},
    {"__exit__", exit, METH_VARARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

PyType_Slot slots[] = {
    {Py_tp_getattro, reinterpret_cast<void *>(getattro)},
    {Py_tp_setattro, reinterpret_cast<void *>(setattro)},
    {Py_tp_repr, reinterpret_cast<void *>(repr)},
    {Py_tp_iter, reinterpret_cast<void *>(iter)},
    {Py_tp_iternext, reinterpret_cast<void *>(iternext)},
    {Py_tp_methods, methods},
    {Py_tp_dealloc, reinterpret_cast<void *>(dealloc)},
    {0, nullptr},
};

PyType_Spec spec = {
    "objcap.Capability",
    sizeof(ProxyObject),
    0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION | Py_TPFLAGS_IMMUTABLETYPE,
    slots,
};

} // namespace

PyRef CapabilityProxy::createType()
{
    return PyRef::steal(PyType_FromSpec(&spec));
}

PyRef CapabilityProxy::createMethodType()
{
    return PyRef::steal(PyType_FromSpec(&methodSpec));
}

PyRef CapabilityProxy::wrap(Lockdown &lockdown, Value::CapabilityRef capability)
{
    if (!lockdown.active()) {
        PyErr_SetString(PyExc_RuntimeError, "the sandbox is shutting down");
        return {};
    }
    auto *tp = reinterpret_cast<PyTypeObject *>(lockdown.capabilityType());
    PyRef self = PyRef::steal(tp->tp_alloc(tp, 0));
    if (!self)
        return {};
    asProxy(self.get())->capability = new Value::CapabilityRef(std::move(capability));
    asProxy(self.get())->lockdown = &lockdown;
    return self;
}

Value::CapabilityRef CapabilityProxy::unwrap(Lockdown &lockdown, PyObject *object)
{
    if (!lockdown.capabilityType() || Py_TYPE(object) != reinterpret_cast<PyTypeObject *>(lockdown.capabilityType()))
        return nullptr;
    return *asProxy(object)->capability;
}

void CapabilityProxy::raise(Lockdown &lockdown, const Error &error)
{
    PyObject *type = nullptr;
    switch (error.code) {
    case ErrorCode::Refused: type = lockdown.capabilityError(); break;
    case ErrorCode::Revoked: type = lockdown.revokedError(); break;
    case ErrorCode::InvalidArgument: type = PyExc_TypeError; break;
    case ErrorCode::InvalidValue: type = PyExc_ValueError; break;
    case ErrorCode::NotFound: type = PyExc_FileNotFoundError; break;
    case ErrorCode::AlreadyExists: type = PyExc_FileExistsError; break;
    case ErrorCode::IsADirectory: type = PyExc_IsADirectoryError; break;
    case ErrorCode::NotADirectory: type = PyExc_NotADirectoryError; break;
    case ErrorCode::Io: type = PyExc_OSError; break;
    case ErrorCode::LimitExceeded: type = lockdown.limitExceeded(); break;
    default: type = PyExc_RuntimeError; break;
    }
    PyErr_SetString(type, error.message.c_str());
}

} // namespace objcap::py
