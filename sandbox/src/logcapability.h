#pragma once

#include "objcap/logcapability.h"

#include <chrono>
#include <mutex>

namespace objcap::detail {

// ctx.log, with a token bucket so that a plugin logging in a loop cannot flood the host.
class LogCapability : public Capability {
public:
    explicit LogCapability(LogSink sink) : Capability("log"), m_sink(std::move(sink)) {}
    std::vector<std::string> methods() const override { return {"debug", "error", "info", "warning"}; }
    std::string auditTarget(const Arguments &) const override { return {}; }

protected:
    Result<Value> call(const std::string &method, const Arguments &arguments) override;

private:
    using Clock = std::chrono::steady_clock;
    static constexpr double burst = 100;
    static constexpr double perSecond = 20;

    LogSink m_sink;
    std::mutex m_mutex;
    double m_tokens = burst;
    Clock::time_point m_refilled = Clock::now();
    std::uint64_t m_dropped = 0;
};

} // namespace objcap::detail
