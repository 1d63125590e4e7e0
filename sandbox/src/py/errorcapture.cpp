#include "errorcapture.h"

#include "pyref.h"
#include "tracebackformatter.h"

#include <string>

namespace objcap::py {

namespace {

std::string lastLine(std::string text)
{
    while (!text.empty() && text.back() == '\n')
        text.pop_back();
    const size_t newline = text.rfind('\n');
    return newline == std::string::npos ? text : text.substr(newline + 1);
}

} // namespace

Error ErrorCapture::take(ErrorCode code, TracebackFormatter *formatter)
{
    PyRef exc = PyRef::steal(PyErr_GetRaisedException());
    Error error;
    error.code = code;
    if (!exc) {
        error.message = "unknown error (no exception was set)";
        return error;
    }
    error.exceptionType = TracebackFormatter::typeName(exc.get());
    if (formatter) {
        error.traceback = formatter->format(exc.get());
        error.message = lastLine(error.traceback);
    }
    if (error.message.empty()) {
        PyRef text = PyRef::steal(PyObject_Str(exc.get()));
        const char *utf8 = text ? PyUnicode_AsUTF8(text.get()) : nullptr;
        error.message = error.exceptionType + (utf8 && *utf8 ? std::string(": ") + utf8 : std::string());
    }
    PyErr_Clear();
    return error;
}

} // namespace objcap::py
