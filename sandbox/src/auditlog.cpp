#include "auditlog.h"

namespace objcap::detail {

void AuditLog::record(AuditRecord record)
{
    if (m_listener)
        m_listener(record);
    std::lock_guard lock(m_mutex);
    if (!record.allowed)
        ++m_refusals;
    if (m_records.size() == capacity) {
        m_records.pop_front();
        ++m_dropped;
    }
    m_records.push_back(std::move(record));
}

std::vector<AuditRecord> AuditLog::records() const
{
    std::lock_guard lock(m_mutex);
    return {m_records.begin(), m_records.end()};
}

std::uint64_t AuditLog::refusals() const
{
    std::lock_guard lock(m_mutex);
    return m_refusals;
}

std::uint64_t AuditLog::dropped() const
{
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

} // namespace objcap::detail
