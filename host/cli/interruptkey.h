#pragma once

#include <atomic>
#include <functional>
#include <thread>

namespace objcap::cli {

// Ctrl-C while the console runs an entry interrupts that entry instead of killing the host
// (at the prompt it does nothing; Ctrl-D ends the console). SIGINT is blocked
// in every thread started after construction and taken by a thread of its own with sigwait,
// so onInterrupt runs in an ordinary thread, not a signal handler.
class InterruptKey {
public:
    explicit InterruptKey(std::function<void()> onInterrupt);
    ~InterruptKey();
    InterruptKey(const InterruptKey &) = delete;
    InterruptKey &operator=(const InterruptKey &) = delete;

private:
    std::function<void()> m_onInterrupt;
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
};

} // namespace objcap::cli
