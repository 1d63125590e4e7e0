#include "granttable.h"

namespace objcap::detail {

void GrantTable::grant(const std::string &name, std::shared_ptr<Capability> capability)
{
    std::lock_guard lock(m_mutex);
    m_grants[name] = std::move(capability);
}

bool GrantTable::revoke(const std::string &name)
{
    std::lock_guard lock(m_mutex);
    auto it = m_grants.find(name);
    if (it == m_grants.end())
        return false;
    it->second->revoke();  // stays listed: later calls raise RevokedError, not AttributeError
    return true;
}

std::shared_ptr<Capability> GrantTable::find(const std::string &name) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_grants.find(name);
    return it == m_grants.end() ? nullptr : it->second;
}

std::vector<std::string> GrantTable::names() const
{
    std::lock_guard lock(m_mutex);
    std::vector<std::string> out;
    for (const auto &[name, capability] : m_grants)
        out.push_back(name);
    return out;
}

} // namespace objcap::detail
