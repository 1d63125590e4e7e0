#pragma once

#include "objcap/result.h"
#include "objcap/runtime.h"

#include <memory>

struct _ts;  // PyThreadState, kept out of this header so non-py code can include it

namespace objcap::py {

// The main interpreter, initialised from an isolated PyConfig: no site, no environment
// variables, no user site-packages, no program directory on sys.path. Between calls its
// thread state is detached so sub-interpreters can be created from other threads.
class PythonRuntime {
public:
    // Checks the patch marker and the stdlib before touching CPython, then initialises it.
    static Result<std::unique_ptr<PythonRuntime>> initialize(const RuntimeOptions &options, RuntimeInfo &info);
    ~PythonRuntime();  // finalises CPython; every sub-interpreter must have ended
    PythonRuntime(const PythonRuntime &) = delete;
    PythonRuntime &operator=(const PythonRuntime &) = delete;

    int interpreterCount() const;

private:
    explicit PythonRuntime(_ts *mainThreadState) : m_main(mainThreadState) {}
    _ts *m_main;
};

} // namespace objcap::py
