#pragma once

#include "objcap/capability.h"

#include <atomic>
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
    // Closes the table for good: every capability call the plugin makes from now on fails
    // with RevokedError, while the host's capability objects stay usable elsewhere. For an
    // abandoned sandbox. Any thread.
    void close() { m_closed = true; }
    bool closed() const { return m_closed.load(); }

private:
    std::atomic<bool> m_closed{false};
    mutable std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<Capability>> m_grants;
};

} // namespace objcap::detail
