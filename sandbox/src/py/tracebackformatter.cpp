#include "tracebackformatter.h"

#include "pyref.h"

#include <fstream>
#include <sstream>

namespace objcap::py {

namespace {

constexpr int maxChain = 16;
constexpr int maxRepeats = 3;

std::string text(PyObject *o)
{
    if (!o)
        return {};
    PyRef s = PyUnicode_Check(o) ? PyRef::borrow(o) : PyRef::steal(PyObject_Str(o));
    const char *utf8 = s ? PyUnicode_AsUTF8(s.get()) : nullptr;
    if (!utf8) {
        PyErr_Clear();
        return "<unprintable>";
    }
    return utf8;
}

std::string attribute(PyObject *o, const char *name)
{
    PyRef value = PyRef::steal(PyObject_GetAttrString(o, name));
    if (!value) {
        PyErr_Clear();
        return {};
    }
    return value.get() == Py_None ? std::string() : text(value.get());
}

long longAttribute(PyObject *o, const char *name)
{
    PyRef value = PyRef::steal(PyObject_GetAttrString(o, name));
    long result = value && PyLong_Check(value.get()) ? PyLong_AsLong(value.get()) : -1;
    PyErr_Clear();
    return result;
}

std::string strip(const std::string &s)
{
    const size_t begin = s.find_first_not_of(" \t\r\n\f");
    if (begin == std::string::npos)
        return {};
    const size_t end = s.find_last_not_of(" \t\r\n\f");
    return s.substr(begin, end - begin + 1);
}

std::string lineOf(const std::string &source, long line)
{
    if (line < 1)
        return {};
    std::istringstream in(source);
    std::string current;
    for (long i = 1; std::getline(in, current); ++i) {
        if (i == line)
            return current;
    }
    return {};
}

} // namespace

TracebackFormatter::TracebackFormatter(const std::map<std::string, std::string> &sources, std::string stdlibRoot)
    : m_sources(sources), m_stdlibRoot(std::move(stdlibRoot))
{
    if (!m_stdlibRoot.empty() && m_stdlibRoot.back() != '/')
        m_stdlibRoot += '/';
}

std::string TracebackFormatter::typeName(PyObject *exception)
{
    PyTypeObject *type = Py_TYPE(exception);
    PyRef qualname = PyRef::steal(PyType_GetQualName(type));
    PyRef module = PyRef::steal(PyType_GetModuleName(type));
    PyErr_Clear();
    const std::string name = qualname ? text(qualname.get()) : type->tp_name;
    const std::string mod = module ? text(module.get()) : std::string();
    if (mod.empty() || mod == "builtins" || mod == "__main__")
        return name;
    return mod + "." + name;
}

std::string TracebackFormatter::format(PyObject *exception)
{
    std::map<PyObject *, bool> seen;
    return formatChain(exception, 0, seen);
}

std::string TracebackFormatter::formatChain(PyObject *exception, int depth, std::map<PyObject *, bool> &seen)
{
    seen[exception] = true;
    std::string out;
    if (depth < maxChain) {
        PyRef cause = PyRef::steal(PyException_GetCause(exception));
        PyRef context = PyRef::steal(PyException_GetContext(exception));
        PyRef suppress = PyRef::steal(PyObject_GetAttrString(exception, "__suppress_context__"));
        PyErr_Clear();
        const bool suppressed = suppress && PyObject_IsTrue(suppress.get()) == 1;
        PyErr_Clear();
        if (cause && PyExceptionInstance_Check(cause.get()) && !seen.count(cause.get())) {
            out = formatChain(cause.get(), depth + 1, seen) +
                  "\nThe above exception was the direct cause of the following exception:\n\n";
        } else if (context && !suppressed && PyExceptionInstance_Check(context.get()) && !seen.count(context.get())) {
            out = formatChain(context.get(), depth + 1, seen) +
                  "\nDuring handling of the above exception, another exception occurred:\n\n";
        }
    }
    return out + formatOne(exception);
}

std::string TracebackFormatter::formatOne(PyObject *exception)
{
    std::string out;
    PyRef traceback = PyRef::steal(PyException_GetTraceback(exception));
    if (traceback && PyTraceBack_Check(traceback.get()))
        out += "Traceback (most recent call last):\n" + formatFrames(traceback.get());
    if (PyErr_GivenExceptionMatches(exception, PyExc_SyntaxError))
        return out + formatSyntaxError(exception);
    const std::string message = text(exception);
    out += typeName(exception);
    return out + (message.empty() ? "\n" : ": " + message + "\n");
}

std::string TracebackFormatter::formatFrames(PyObject *traceback)
{
    std::string out;
    std::string previous;
    int repeats = 0;
    for (PyObject *tb = traceback; tb && PyTraceBack_Check(tb);
         tb = reinterpret_cast<PyObject *>(reinterpret_cast<PyTracebackObject *>(tb)->tb_next)) {
        PyFrameObject *frame = reinterpret_cast<PyTracebackObject *>(tb)->tb_frame;
        if (!frame)
            continue;
        PyRef code = PyRef::steal(reinterpret_cast<PyObject *>(PyFrame_GetCode(frame)));
        const std::string filename = attribute(code.get(), "co_filename");
        const std::string function = attribute(code.get(), "co_name");
        const long line = longAttribute(tb, "tb_lineno");
        std::string entry = "  File \"" + displayName(filename) + "\", line " + std::to_string(line) + ", in " +
                            function + "\n";
        const std::string source = strip(sourceLine(filename, line));
        if (!source.empty())
            entry += "    " + source + "\n";
        // Deep recursion: collapse repeats as CPython does.
        if (entry == previous) {
            if (++repeats >= maxRepeats)
                continue;
        } else {
            if (repeats >= maxRepeats)
                out += "  [Previous line repeated " + std::to_string(repeats - maxRepeats + 1) + " more times]\n";
            repeats = 0;
            previous = entry;
        }
        out += entry;
    }
    if (repeats >= maxRepeats)
        out += "  [Previous line repeated " + std::to_string(repeats - maxRepeats + 1) + " more times]\n";
    return out;
}

std::string TracebackFormatter::formatSyntaxError(PyObject *exception)
{
    std::string out;
    const std::string filename = attribute(exception, "filename");
    const long line = longAttribute(exception, "lineno");
    if (!filename.empty())
        out += "  File \"" + displayName(filename) + "\", line " + std::to_string(line) + "\n";
    std::string source = attribute(exception, "text");
    if (source.empty())
        source = sourceLine(filename, line);
    const std::string shown = strip(source);
    if (!shown.empty()) {
        out += "    " + shown + "\n";
        const long offset = longAttribute(exception, "offset");
        const long indent = static_cast<long>(source.find_first_not_of(" \t\f"));
        const long caret = offset - 1 - (indent > 0 ? indent : 0);
        if (offset > 0 && caret >= 0 && caret <= static_cast<long>(shown.size()))
            out += "    " + std::string(static_cast<size_t>(caret), ' ') + "^\n";
    }
    std::string message = attribute(exception, "msg");
    if (message.empty())
        message = text(exception);
    return out + typeName(exception) + ": " + message + "\n";
}

std::string TracebackFormatter::displayName(const std::string &filename) const
{
    if (!m_stdlibRoot.empty() && filename.compare(0, m_stdlibRoot.size(), m_stdlibRoot) == 0)
        return "<stdlib>/" + filename.substr(m_stdlibRoot.size());
    return filename;
}

std::string TracebackFormatter::sourceLine(const std::string &filename, long line)
{
    auto own = m_sources.find(filename);
    if (own != m_sources.end())
        return lineOf(own->second, line);
    if (m_stdlibRoot.empty() || filename.compare(0, m_stdlibRoot.size(), m_stdlibRoot) != 0 ||
        filename.find("..") != std::string::npos)
        return {};
    auto cached = m_files.find(filename);
    if (cached == m_files.end()) {
        std::ifstream in(filename, std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        cached = m_files.emplace(filename, content.str()).first;
    }
    return lineOf(cached->second, line);
}

} // namespace objcap::py
