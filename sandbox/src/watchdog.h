#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace objcap::detail {

// One thread that fires deadlines: the time budgets of every sandbox in the runtime.
// Callbacks run on the watchdog thread while its lock is held, so once disarm() returns the
// callback is neither running nor going to run; they must be short and must not call back
// into the Watchdog.
class Watchdog {
public:
    using Clock = std::chrono::steady_clock;
    using Token = std::uint64_t;  // 0 is never a valid token

    Watchdog();
    ~Watchdog();
    Watchdog(const Watchdog &) = delete;
    Watchdog &operator=(const Watchdog &) = delete;

    Token arm(Clock::duration after, std::function<void()> onExpiry);
    void disarm(Token token);

private:
    void loop();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::multimap<Clock::time_point, std::pair<Token, std::function<void()>>> m_deadlines;
    Token m_nextToken = 1;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace objcap::detail
