#include "interruptkey.h"

#include <pthread.h>
#include <signal.h>

namespace objcap::cli {

namespace {
sigset_t interruptSet()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    return set;
}
} // namespace

InterruptKey::InterruptKey(std::function<void()> onInterrupt) : m_onInterrupt(std::move(onInterrupt))
{
    const sigset_t set = interruptSet();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    m_thread = std::thread([this, set] {
        for (int signal = 0; sigwait(&set, &signal) == 0 && !m_stopping;)
            m_onInterrupt();
    });
}

InterruptKey::~InterruptKey()
{
    m_stopping = true;
    pthread_kill(m_thread.native_handle(), SIGINT);  // wakes sigwait
    m_thread.join();
}

} // namespace objcap::cli
