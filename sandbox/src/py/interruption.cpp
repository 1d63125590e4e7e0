#include "interruption.h"

namespace objcap::py {

Interruption::Interruption(PyInterpreterState *interp, PyObject *exceptionType)
    : m_interp(interp), m_exceptionType(PyRef::borrow(exceptionType))
{
}

Interruption::~Interruption()
{
    close();
    endRun();
}

std::uint64_t Interruption::beginRun()
{
    const std::uint64_t run = m_nextRun++;
    m_currentRun = run;
    return run;
}

void Interruption::endRun()
{
    m_currentRun = 0;
    if (m_tracing) {
        PyRef pending = PyRef::steal(PyErr_GetRaisedException());
        PyEval_SetTrace(nullptr, nullptr);
        PyErr_SetRaisedException(pending.release());
        m_tracing = false;
    }
}

void Interruption::request(std::uint64_t run, ErrorCode reason)
{
    std::lock_guard lock(m_mutex);
    const std::uint64_t current = m_currentRun.load();
    if (!m_open || current == 0 || (run != 0 && run != current))
        return;
    m_reason = static_cast<int>(reason);
    m_interruptedRun = current;
    // Only fails when the interpreter's queue is full, i.e. an interrupt is already queued.
    (void)PyUnstable_Objcap_AddPendingCall(m_interp, &Interruption::onPendingCall, this);
}

void Interruption::close()
{
    std::lock_guard lock(m_mutex);
    m_open = false;
}

PyRef Interruption::exceptionArgs() const
{
    const char *message = reason() == ErrorCode::Interrupted ? "interrupted by the host" : "time limit exceeded";
    return PyRef::steal(Py_BuildValue("(Os)", m_exceptionType.get(), message));
}

int Interruption::onPendingCall(void *arg)
{
    auto *self = static_cast<Interruption *>(arg);
    const std::uint64_t run = self->m_currentRun.load();
    if (run == 0 || self->m_interruptedRun.load() != run)
        return 0;  // a late request for a call that has already ended
    PyRef args = self->exceptionArgs();
    if (!args)
        return -1;
    if (!self->m_tracing) {
        PyEval_SetTrace(&Interruption::onTrace, args.get());
        self->m_tracing = true;
    }
    PyErr_SetObject(PyTuple_GET_ITEM(args.get(), 0), PyTuple_GET_ITEM(args.get(), 1));
    return -1;
}

int Interruption::onTrace(PyObject *args, PyFrameObject *, int what, PyObject *)
{
    if (what != PyTrace_LINE && what != PyTrace_CALL)
        return 0;
    PyErr_SetObject(PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1));
    return -1;
}

} // namespace objcap::py
