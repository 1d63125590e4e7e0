#include "interruption.h"

namespace objcap::py {

std::uint64_t Interruption::beginRun()
{
    const std::uint64_t run = m_nextRun++;
    m_currentRun = run;
    return run;
}

void Interruption::request(std::uint64_t run, ErrorCode reason)
{
    std::lock_guard lock(m_mutex);
    const std::uint64_t current = m_currentRun.load();
    if (!m_open || current == 0 || (run != 0 && run != current))
        return;
    m_reason = static_cast<int>(reason);
    m_interruptedRun = current;
    // Only fails when the interpreter's queue is full, i.e. interrupts are already queued.
    (void)PyUnstable_Objcap_AddPendingCall(m_interp, &Interruption::onPendingCall, this);
}

void Interruption::close()
{
    std::lock_guard lock(m_mutex);
    m_open = false;
}

int Interruption::onPendingCall(void *arg)
{
    auto *self = static_cast<Interruption *>(arg);
    const std::uint64_t run = self->m_currentRun.load();
    if (run == 0 || self->m_interruptedRun.load() != run)
        return 0;  // a late request for a call that has already ended
    // Raise again at the next check, whatever the plugin does with this exception.
    (void)PyUnstable_Objcap_AddPendingCall(self->m_interp, &Interruption::onPendingCall, self);
    const char *message = self->reason() == ErrorCode::Interrupted ? "interrupted by the host" : "time limit exceeded";
    PyErr_SetString(self->m_exceptionType ? self->m_exceptionType : PyExc_KeyboardInterrupt, message);
    return -1;
}

} // namespace objcap::py
