#include "quota.h"

namespace objcap::detail {

Result<void> Quota::change(std::int64_t delta, const std::string &what)
{
    std::lock_guard lock(m_mutex);
    if (delta > 0 && m_limit && m_used + static_cast<std::uint64_t>(delta) > *m_limit)
        return Error::make(ErrorCode::Refused, "quota exceeded writing " + what + ": " + std::to_string(m_used) + " of " +
                                                   std::to_string(*m_limit) + " bytes used, " +
                                                   std::to_string(delta) + " more needed");
    if (delta < 0 && static_cast<std::uint64_t>(-delta) > m_used)
        m_used = 0;
    else
        m_used = static_cast<std::uint64_t>(static_cast<std::int64_t>(m_used) + delta);
    return {};
}

} // namespace objcap::detail
