#include "logcapability.h"

#include <algorithm>

namespace objcap::detail {

Result<Value> LogCapability::call(const std::string &method, const Arguments &args)
{
    auto message = args.get(0, "message");
    if (Result<void> ok = args.expect(1, {"message"}); !ok)
        return ok.error();
    if (!message)
        return message.error();
    const std::string text = message->is<std::string>() ? message->as<std::string>() : message->repr();
    const LogLevel level = method == "debug"     ? LogLevel::Debug
                           : method == "warning" ? LogLevel::Warning
                           : method == "error"   ? LogLevel::Error
                                                 : LogLevel::Info;
    std::uint64_t dropped = 0;
    {
        std::lock_guard lock(m_mutex);
        const Clock::time_point now = Clock::now();
        m_tokens = std::min(burst, m_tokens + std::chrono::duration<double>(now - m_refilled).count() * perSecond);
        m_refilled = now;
        if (m_tokens < 1) {
            ++m_dropped;
            return Value();
        }
        m_tokens -= 1;
        dropped = std::exchange(m_dropped, 0);
    }
    if (m_sink) {
        if (dropped)
            m_sink(LogLevel::Warning, std::to_string(dropped) + " log lines dropped (rate limit)");
        m_sink(level, text);
    }
    return Value();
}

} // namespace objcap::detail

namespace objcap {

std::shared_ptr<Capability> makeLogCapability(LogSink sink)
{
    return std::make_shared<detail::LogCapability>(std::move(sink));
}

} // namespace objcap
