#pragma once

#include "objcap/error.h"
#include "pyref.h"

#include <atomic>
#include <cstdint>
#include <mutex>

namespace objcap::py {

// Stops a running call from another thread. The request is a call scheduled into the
// interpreter (patched CPython: honoured by the eval loop and by PyErr_CheckSignals() in
// native loops such as _sre) that raises objcap.LimitExceeded; from then until the call
// ends a trace function re-raises it on every line and call, so `except BaseException`
// in a loop cannot swallow it. Each call has a run id so a late request never hits the
// next call.
class Interruption {
public:
    Interruption(PyInterpreterState *interp, PyObject *exceptionType);
    ~Interruption();  // on the owning thread, while its interpreter is active

    // Owning thread, interpreter active.
    std::uint64_t beginRun();
    void endRun();  // stops re-raising; the exception already raised stays set
    bool interrupted(std::uint64_t run) const { return m_interruptedRun.load() == run; }
    ErrorCode reason() const { return static_cast<ErrorCode>(m_reason.load()); }

    // Any thread. run == 0 means the call running now.
    void request(std::uint64_t run, ErrorCode reason);
    // Owning thread: no request may touch the interpreter after this.
    void close();

private:
    static int onPendingCall(void *self);
    static int onTrace(PyObject *arg, PyFrameObject *frame, int what, PyObject *unused);
    PyRef exceptionArgs() const;

    PyInterpreterState *m_interp;
    PyRef m_exceptionType;
    std::mutex m_mutex;  // orders request() against close()
    bool m_open = true;
    std::atomic<std::uint64_t> m_currentRun{0};
    std::atomic<std::uint64_t> m_interruptedRun{0};
    std::atomic<int> m_reason{static_cast<int>(ErrorCode::LimitExceeded)};
    std::uint64_t m_nextRun = 1;
    bool m_tracing = false;
};

} // namespace objcap::py
