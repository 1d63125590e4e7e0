#pragma once

#include "objcap/callback.h"
#include "objcap/timerscapability.h"

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace objcap::detail {

// Timers on a thread of their own: at each expiry the plugin's callback is posted to the
// plugin's thread (never run here); `every` re-arms itself. Posting happens outside the lock,
// so a callback may cancel timers freely.
class TimersCapability : public Capability {
public:
    TimersCapability();
    ~TimersCapability() override;

    std::vector<std::string> methods() const override { return {"call_later", "cancel", "every"}; }
    std::vector<std::string> attributes() const override { return {"pending"}; }
    std::string auditTarget(const Arguments &) const override { return {}; }

    static constexpr std::size_t maxTimers = 1000;

protected:
    Result<Value> call(const std::string &method, const Arguments &arguments) override;
    Result<Value> get(const std::string &) override;

private:
    using Clock = std::chrono::steady_clock;
    struct Timer {
        Value::CallbackRef callback;
        Clock::duration interval;  // zero: once
        Clock::time_point due;
    };
    void loop();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::map<std::int64_t, Timer> m_timers;
    std::int64_t m_next = 1;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace objcap::detail
