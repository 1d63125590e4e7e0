#pragma once

#include "objcap/auditrecord.h"

#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <vector>

namespace objcap::detail {

// A sandbox's audit log: the most recent records, bounded so that a plugin refused in a
// loop cannot grow host memory; older records are counted, not kept. Thread-safe.
class AuditLog {
public:
    using Listener = std::function<void(const AuditRecord &)>;
    static constexpr std::size_t capacity = 4096;

    // Told of each record as it is made, on the thread that made it (outside the lock).
    explicit AuditLog(Listener listener = {}) : m_listener(std::move(listener)) {}

    void record(AuditRecord record);
    std::vector<AuditRecord> records() const;
    std::uint64_t refusals() const;
    std::uint64_t dropped() const;

private:
    const Listener m_listener;
    mutable std::mutex m_mutex;
    std::deque<AuditRecord> m_records;
    std::uint64_t m_refusals = 0;
    std::uint64_t m_dropped = 0;
};

} // namespace objcap::detail
