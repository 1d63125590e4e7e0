#include "outputstream.h"

#include <exception>
#include <string_view>

namespace objcap::py {

namespace {

struct OutputStreamObject {
    PyObject_HEAD
    const OutputSink *sink;
    Stream stream;
};

PyObject *write(PyObject *self, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        return PyErr_Format(PyExc_TypeError, "write() argument must be str, not %.100s", Py_TYPE(arg)->tp_name);
    }
    // backslashreplace: a lone surrogate must not make printing fail.
    PyRef utf8 = PyRef::steal(PyUnicode_AsEncodedString(arg, "utf-8", "backslashreplace"));
    if (!utf8)
        return nullptr;
    auto *out = reinterpret_cast<OutputStreamObject *>(self);
    if (out->sink && *out->sink) {
        try {  // a C++ exception must never unwind through Python frames
            (*out->sink)(out->stream, std::string_view(PyBytes_AS_STRING(utf8.get()),
                                                       static_cast<size_t>(PyBytes_GET_SIZE(utf8.get()))));
        } catch (const std::exception &e) {
            return PyErr_Format(PyExc_OSError, "the host could not take the output: %s", e.what());
        } catch (...) {
            return PyErr_Format(PyExc_OSError, "the host could not take the output");
        }
    }
    return PyLong_FromSsize_t(PyUnicode_GET_LENGTH(arg));
}

PyObject *flush(PyObject *, PyObject *) { Py_RETURN_NONE; }
PyObject *yes(PyObject *, PyObject *) { Py_RETURN_TRUE; }
PyObject *no(PyObject *, PyObject *) { Py_RETURN_FALSE; }

PyMethodDef methods[] = {
    {"write", write, METH_O, "Write text to the host's output."},
    {"flush", flush, METH_NOARGS, nullptr},
    {"writable", yes, METH_NOARGS, nullptr},
    {"readable", no, METH_NOARGS, nullptr},
    {"isatty", no, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

PyType_Slot slots[] = {
    {Py_tp_methods, methods},
    {0, nullptr},
};

PyType_Spec spec = {
    "objcap.OutputStream",
    sizeof(OutputStreamObject),
    0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION | Py_TPFLAGS_IMMUTABLETYPE,
    slots,
};

} // namespace

PyRef OutputStream::createType()
{
    return PyRef::steal(PyType_FromSpec(&spec));
}

PyRef OutputStream::create(PyObject *type, const OutputSink *sink, Stream stream)
{
    auto *tp = reinterpret_cast<PyTypeObject *>(type);
    PyRef self = PyRef::steal(tp->tp_alloc(tp, 0));
    if (!self)
        return {};
    auto *out = reinterpret_cast<OutputStreamObject *>(self.get());
    out->sink = sink;
    out->stream = stream;
    return self;
}

} // namespace objcap::py
