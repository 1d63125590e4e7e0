#include "watchdog.h"

#include <pthread.h>

namespace objcap::detail {

Watchdog::Watchdog()
    : m_thread([this] { loop(); })
{
    pthread_setname_np(m_thread.native_handle(), "objcap-watchdog");
}

Watchdog::~Watchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

Watchdog::Token Watchdog::arm(Clock::duration after, std::function<void()> onExpiry)
{
    std::lock_guard lock(m_mutex);
    const Token token = m_nextToken++;
    m_deadlines.emplace(Clock::now() + after, std::make_pair(token, std::move(onExpiry)));
    m_wake.notify_all();
    return token;
}

void Watchdog::disarm(Token token)
{
    if (token == 0)
        return;
    std::lock_guard lock(m_mutex);
    for (auto it = m_deadlines.begin(); it != m_deadlines.end(); ++it) {
        if (it->second.first == token) {
            m_deadlines.erase(it);
            return;
        }
    }
}

void Watchdog::loop()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (m_deadlines.empty()) {
            m_wake.wait(lock);
            continue;
        }
        auto first = m_deadlines.begin();
        if (Clock::now() < first->first) {
            m_wake.wait_until(lock, first->first);
            continue;
        }
        auto onExpiry = std::move(first->second.second);
        m_deadlines.erase(first);
        onExpiry();
    }
}

} // namespace objcap::detail
