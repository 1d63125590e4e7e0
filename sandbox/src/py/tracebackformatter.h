#pragma once

#include <Python.h>

#include <map>
#include <string>

namespace objcap::py {

// Formats an exception the way CPython does (chained causes and contexts, frames with their
// source lines, SyntaxError carets), in C++: the traceback module cannot see frames in a
// locked-down interpreter, and must not, so this reads them through the C API instead. Source
// lines come from the code the host ran and from the standard library on disk; stdlib paths
// show as <stdlib>/..., so a plugin's traceback never names a host directory. The exception's
// str() may run plugin code, so call it within a time budget.
class TracebackFormatter {
public:
    TracebackFormatter(const std::map<std::string, std::string> &sources, std::string stdlibRoot);
    std::string format(PyObject *exception);
    // "ValueError", "objcap.CapabilityError", "mymodule.MyError": how tracebacks name a type.
    static std::string typeName(PyObject *exception);

private:
    std::string formatChain(PyObject *exception, int depth, std::map<PyObject *, bool> &seen);
    std::string formatOne(PyObject *exception);
    std::string formatFrames(PyObject *traceback);
    std::string formatSyntaxError(PyObject *exception);
    std::string displayName(const std::string &filename) const;
    std::string sourceLine(const std::string &filename, long line);

    const std::map<std::string, std::string> &m_sources;
    std::string m_stdlibRoot;
    std::map<std::string, std::string> m_files;  // stdlib files read so far
};

} // namespace objcap::py
