#include "valueconverter.h"

#include "capabilityproxy.h"
#include "lockdown.h"

namespace objcap::py {

namespace {

struct Copy {
    Lockdown *lockdown = nullptr;
    long nodes = 0;
    bool visit(PyObject *object, Value &out, int depth);
    bool sequence(PyObject *seq, Value &out, int depth);
    bool dict(PyObject *dict, Value &out, int depth);
};

bool tooDeep()
{
    PyErr_Format(PyExc_TypeError, "value nested deeper than %d levels cannot cross the sandbox boundary",
                 ValueConverter::maxDepth);
    return false;
}

bool Copy::sequence(PyObject *seq, Value &out, int depth)
{
    Value::List list;
    const Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    list.reserve(static_cast<size_t>(n));
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); ++i) {
        Value item;
        if (!visit(PySequence_Fast_GET_ITEM(seq, i), item, depth + 1))
            return false;
        list.push_back(std::move(item));
    }
    out = Value(std::move(list));
    return true;
}

bool Copy::dict(PyObject *dict, Value &out, int depth)
{
    Value::Dict entries;
    Py_ssize_t pos = 0;
    PyObject *key = nullptr;
    PyObject *item = nullptr;
    while (PyDict_Next(dict, &pos, &key, &item)) {
        if (!PyUnicode_CheckExact(key)) {
            PyErr_Format(PyExc_TypeError, "dict keys crossing the sandbox boundary must be str, not %.100s",
                         Py_TYPE(key)->tp_name);
            return false;
        }
        Py_ssize_t size = 0;
        const char *utf8 = PyUnicode_AsUTF8AndSize(key, &size);
        if (!utf8)
            return false;
        // Hold both while converting: converting may run nothing, but stay safe if it does.
        PyRef keepItem = PyRef::borrow(item);
        Value v;
        if (!visit(item, v, depth + 1))
            return false;
        entries.emplace_back(std::string(utf8, static_cast<size_t>(size)), std::move(v));
    }
    out = Value(std::move(entries));
    return true;
}

bool Copy::visit(PyObject *o, Value &out, int depth)
{
    if (depth > ValueConverter::maxDepth)
        return tooDeep();
    if (++nodes > ValueConverter::maxNodes) {
        PyErr_Format(PyExc_TypeError, "value of more than %ld items cannot cross the sandbox boundary",
                     ValueConverter::maxNodes);
        return false;
    }
    if (nodes % 4096 == 0 && PyErr_CheckSignals() < 0)
        return false;
    // Exact type checks only: a subclass could override anything we would call.
    if (o == Py_None) {
        out = Value();
    } else if (PyBool_Check(o)) {
        out = Value(o == Py_True);
    } else if (PyLong_CheckExact(o)) {
        int overflow = 0;
        const long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
        if (overflow) {
            PyErr_SetString(PyExc_OverflowError, "int does not fit in 64 bits for the sandbox boundary");
            return false;
        }
        if (v == -1 && PyErr_Occurred())
            return false;
        out = Value(static_cast<std::int64_t>(v));
    } else if (PyFloat_CheckExact(o)) {
        out = Value(PyFloat_AS_DOUBLE(o));
    } else if (PyUnicode_CheckExact(o)) {
        Py_ssize_t size = 0;
        const char *utf8 = PyUnicode_AsUTF8AndSize(o, &size);
        if (!utf8)
            return false;
        out = Value(std::string(utf8, static_cast<size_t>(size)));
    } else if (PyBytes_CheckExact(o)) {
        out = Value(Bytes{std::string(PyBytes_AS_STRING(o), static_cast<size_t>(PyBytes_GET_SIZE(o)))});
    } else if (PyList_CheckExact(o) || PyTuple_CheckExact(o)) {
        PyRef seq = PyRef::steal(PySequence_Fast(o, "expected a sequence"));
        return seq && sequence(seq.get(), out, depth);
    } else if (PyDict_CheckExact(o)) {
        return dict(o, out, depth);
    } else if (Value::CapabilityRef capability = lockdown ? CapabilityProxy::unwrap(*lockdown, o) : nullptr) {
        out = Value(std::move(capability));
    } else if (lockdown && PyCallable_Check(o)) {
        // A plugin callable stays in this interpreter; the host gets a handle to it.
        Value::CallbackRef callback = lockdown->registerCallback(o);
        if (!callback)
            return false;
        out = Value(std::move(callback));
    } else {
        PyErr_Format(PyExc_TypeError,
                     "%.100s cannot cross the sandbox boundary (only None, bool, int, float, str, bytes, "
                     "list, tuple and dict with str keys can)",
                     Py_TYPE(o)->tp_name);
        return false;
    }
    return true;
}

} // namespace

bool ValueConverter::fromPython(PyObject *object, Value &out, Lockdown *lockdown)
{
    return Copy{lockdown}.visit(object, out, 0);
}

PyRef ValueConverter::toPython(const Value &value, Lockdown *lockdown)
{
    struct Visitor {
        Lockdown *lockdown;
        PyRef operator()(std::monostate) const { return PyRef::borrow(Py_None); }
        PyRef operator()(bool b) const { return PyRef::borrow(b ? Py_True : Py_False); }
        PyRef operator()(std::int64_t i) const { return PyRef::steal(PyLong_FromLongLong(i)); }
        PyRef operator()(double d) const { return PyRef::steal(PyFloat_FromDouble(d)); }
        PyRef operator()(const std::string &s) const
        {
            return PyRef::steal(PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "strict"));
        }
        PyRef operator()(const Bytes &b) const
        {
            return PyRef::steal(PyBytes_FromStringAndSize(b.data.data(), static_cast<Py_ssize_t>(b.data.size())));
        }
        PyRef operator()(const Value::List &l) const
        {
            PyRef list = PyRef::steal(PyList_New(static_cast<Py_ssize_t>(l.size())));
            if (!list)
                return {};
            for (size_t i = 0; i < l.size(); ++i) {
                PyRef item = toPython(l[i], lockdown);
                if (!item)
                    return {};
                PyList_SET_ITEM(list.get(), static_cast<Py_ssize_t>(i), item.release());
            }
            return list;
        }
        PyRef operator()(const Value::Dict &d) const
        {
            PyRef dict = PyRef::steal(PyDict_New());
            if (!dict)
                return {};
            for (const auto &[key, v] : d) {
                PyRef name = (*this)(key);
                PyRef item = toPython(v, lockdown);
                if (!name || !item || PyDict_SetItem(dict.get(), name.get(), item.get()) < 0)
                    return {};
            }
            return dict;
        }
        PyRef operator()(const Value::CapabilityRef &capability) const
        {
            if (!capability)
                return PyRef::borrow(Py_None);
            if (!lockdown) {
                PyErr_SetString(PyExc_TypeError, "a capability cannot cross the boundary here");
                return {};
            }
            return CapabilityProxy::wrap(*lockdown, capability);
        }
        PyRef operator()(const Value::CallbackRef &) const
        {
            PyErr_SetString(PyExc_TypeError, "a callback cannot be handed back to plugin code");
            return {};
        }
    };
    return std::visit(Visitor{lockdown}, value.storage());
}

} // namespace objcap::py
