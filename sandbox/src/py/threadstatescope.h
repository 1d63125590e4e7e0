#pragma once

#include <Python.h>

namespace objcap::py {

// Attaches a thread state (and so takes its interpreter's GIL) for the scope's lifetime and
// detaches it at the end. The thread state must belong to the calling OS thread.
class ThreadStateScope {
public:
    explicit ThreadStateScope(PyThreadState *tstate) : m_tstate(tstate) { PyEval_RestoreThread(m_tstate); }
    ~ThreadStateScope() { PyEval_SaveThread(); }
    ThreadStateScope(const ThreadStateScope &) = delete;
    ThreadStateScope &operator=(const ThreadStateScope &) = delete;

private:
    PyThreadState *m_tstate;
};

} // namespace objcap::py
