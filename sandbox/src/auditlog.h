#pragma once

#include "objcap/auditrecord.h"

#include <cstdint>
#include <deque>
#include <mutex>
#include <vector>

namespace objcap::detail {

// A sandbox's audit log: the most recent records, bounded so that a plugin refused in a
// loop cannot grow host memory; older records are counted, not kept. Thread-safe.
class AuditLog {
public:
    static constexpr std::size_t capacity = 4096;

    void record(AuditRecord record);
    std::vector<AuditRecord> records() const;
    std::uint64_t refusals() const;
    std::uint64_t dropped() const;

private:
    mutable std::mutex m_mutex;
    std::deque<AuditRecord> m_records;
    std::uint64_t m_refusals = 0;
    std::uint64_t m_dropped = 0;
};

} // namespace objcap::detail
