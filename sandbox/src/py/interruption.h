#pragma once

#include "objcap/error.h"

#include <Python.h>

#include <atomic>
#include <cstdint>
#include <mutex>

namespace objcap::py {

// Stops a running call from another thread. A request schedules a call into the interpreter
// (patched CPython runs it at the eval loop's next check and in PyErr_CheckSignals(), so
// native loops such as _sre's honour it too) that raises the interrupt exception and schedules
// itself again: every later check raises anew until the call ends, so no `except
// BaseException` loop can swallow it, and no plugin-controlled hook is involved. Each call has
// a run id so that a late request never hits the next call.
class Interruption {
public:
    explicit Interruption(PyInterpreterState *interp) : m_interp(interp) {}

    // Owning thread. The type raised (borrowed; the caller keeps it alive while set); without
    // one, KeyboardInterrupt is raised, e.g. while the interpreter itself is being ended.
    void setExceptionType(PyObject *type) { m_exceptionType = type; }

    // Owning thread.
    std::uint64_t beginRun();
    void endRun() { m_currentRun = 0; }
    bool interrupted(std::uint64_t run) const { return m_interruptedRun.load() == run; }
    bool running() const { return m_currentRun.load() != 0; }
    ErrorCode reason() const { return static_cast<ErrorCode>(m_reason.load()); }

    // Any thread. run == 0 means the call running now.
    void request(std::uint64_t run, ErrorCode reason);
    // Owning thread, after the interpreter has ended: no request may touch it any more.
    void close();

private:
    static int onPendingCall(void *self);

    PyInterpreterState *m_interp;
    PyObject *m_exceptionType = nullptr;
    std::mutex m_mutex;  // orders request() against close()
    bool m_open = true;
    std::atomic<std::uint64_t> m_currentRun{0};
    std::atomic<std::uint64_t> m_interruptedRun{0};
    std::atomic<int> m_reason{static_cast<int>(ErrorCode::LimitExceeded)};
    std::uint64_t m_nextRun = 1;
};

} // namespace objcap::py
