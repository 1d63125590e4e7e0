#pragma once

#include "objcap/capability.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace objcap::detail {

// The capabilities granted to one sandbox, by the name plugin code reaches them under
// (ctx.<name>). Written by the host from any thread, read by the sandbox thread.
class GrantTable {
public:
    void grant(const std::string &name, std::shared_ptr<Capability> capability);
    bool revoke(const std::string &name);
    std::shared_ptr<Capability> find(const std::string &name) const;
    std::vector<std::string> names() const;

private:
    mutable std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<Capability>> m_grants;
};

} // namespace objcap::detail
