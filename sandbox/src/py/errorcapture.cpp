#include "errorcapture.h"

#include <string>

namespace objcap::py {

namespace {

std::string utf8(PyObject *str)
{
    Py_ssize_t size = 0;
    const char *data = PyUnicode_AsUTF8AndSize(str, &size);
    if (!data) {
        PyErr_Clear();
        return {};
    }
    return std::string(data, static_cast<size_t>(size));
}

std::string lastLine(std::string text)
{
    while (!text.empty() && text.back() == '\n')
        text.pop_back();
    const size_t newline = text.rfind('\n');
    return newline == std::string::npos ? text : text.substr(newline + 1);
}

} // namespace

Error ErrorCapture::take(ErrorCode code, PyObject *formatException)
{
    PyRef exc = PyRef::steal(PyErr_GetRaisedException());
    Error error;
    error.code = code;
    if (!exc) {
        error.message = "unknown error (no exception was set)";
        return error;
    }
    error.exceptionType = Py_TYPE(exc.get())->tp_name;

    PyRef lines = formatException ? PyRef::steal(PyObject_CallOneArg(formatException, exc.get())) : PyRef();
    PyRef empty = PyRef::steal(PyUnicode_FromString(""));
    PyRef text = lines && empty ? PyRef::steal(PyUnicode_Join(empty.get(), lines.get())) : PyRef();
    if (text) {
        error.traceback = utf8(text.get());
        error.message = lastLine(error.traceback);
    } else {
        PyErr_Clear();
        error.message = error.exceptionType + " (its message could not be formatted)";
    }
    return error;
}

} // namespace objcap::py
