#include "timerscapability.h"

#include <algorithm>
#include <cmath>

namespace objcap::detail {

namespace {

Result<double> seconds(const Arguments &args, std::size_t index, const char *name, double minimum)
{
    auto value = args.get(index, name);
    if (!value)
        return value.error();
    double s;
    if (value->is<std::int64_t>())
        s = static_cast<double>(value->as<std::int64_t>());
    else if (value->is<double>())
        s = value->as<double>();
    else
        return Error::make(ErrorCode::InvalidArgument,
                           args.method() + "() argument '" + name + "' must be a number of seconds");
    if (!std::isfinite(s) || s < minimum || s > 31'536'000) {
        const std::string least = minimum > 0 ? "at least 0.001" : "0 or more";  // the two minimums in use
        return Error::make(ErrorCode::InvalidValue, args.method() + "() argument '" + name + "' must be " + least +
                                                        " seconds and at most one year (31536000)");
    }
    return s;
}

} // namespace

TimersCapability::TimersCapability() : Capability("timers"), m_thread([this] { loop(); }) {}

TimersCapability::~TimersCapability()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_timers.clear();
    }
    m_wake.notify_all();
    m_thread.join();
}

void TimersCapability::loop()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        auto next = std::min_element(m_timers.begin(), m_timers.end(),
                                     [](const auto &a, const auto &b) { return a.second.due < b.second.due; });
        if (next == m_timers.end()) {
            m_wake.wait(lock);
            continue;
        }
        if (Clock::now() < next->second.due) {
            m_wake.wait_until(lock, next->second.due);
            continue;
        }
        Value::CallbackRef callback = next->second.callback;
        if (next->second.interval.count() > 0)
            next->second.due += next->second.interval;
        else
            m_timers.erase(next);
        lock.unlock();
        const bool posted = !revoked() && callback->post({});
        lock.lock();
        if (!posted) {  // the plugin has gone, or lost the capability: nothing left to run
            m_timers.clear();
        }
    }
}

Result<Value> TimersCapability::get(const std::string &)
{
    std::lock_guard lock(m_mutex);
    return Value(static_cast<std::int64_t>(m_timers.size()));
}

Result<Value> TimersCapability::call(const std::string &method, const Arguments &args)
{
    if (method == "cancel") {
        auto handle = args.integer(0, "handle");
        if (Result<void> ok = args.expect(1, {"handle"}); !ok)
            return ok.error();
        if (!handle)
            return handle.error();
        std::lock_guard lock(m_mutex);
        return Value(m_timers.erase(handle.value()) > 0);
    }
    const bool repeating = method == "every";
    auto delay = seconds(args, 0, repeating ? "interval" : "delay", repeating ? 0.001 : 0.0);
    auto callback = args.callback(1, "callback");
    if (Result<void> ok = args.expect(2, {repeating ? "interval" : "delay", "callback"}); !ok)
        return ok.error();
    if (!delay)
        return delay.error();
    if (!callback)
        return callback.error();
    std::lock_guard lock(m_mutex);
    if (m_timers.size() >= maxTimers)
        return Error::make(ErrorCode::Refused, "too many timers (at most " + std::to_string(maxTimers) + ")");
    const auto after = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(delay.value()));
    const std::int64_t handle = m_next++;
    m_timers[handle] = Timer{callback.value(), repeating ? after : Clock::duration{}, Clock::now() + after};
    m_wake.notify_all();
    return Value(handle);
}

} // namespace objcap::detail

namespace objcap {

std::shared_ptr<Capability> makeTimersCapability()
{
    return std::make_shared<detail::TimersCapability>();
}

} // namespace objcap
