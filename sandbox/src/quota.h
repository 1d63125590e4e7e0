#pragma once

#include "objcap/result.h"

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace objcap::detail {

// The byte quota of one directory grant, shared by every capability and handle minted from
// it: the total size of the regular files beneath the directory, measured at grant time and
// kept up to date by the writes that go through the grant.
class Quota {
public:
    Quota(std::optional<std::uint64_t> limit, std::uint64_t used) : m_limit(limit), m_used(used) {}

    // Accounts for a file growing (or shrinking) by delta bytes; refuses growth past the limit.
    Result<void> change(std::int64_t delta, const std::string &what);

private:
    std::mutex m_mutex;
    std::optional<std::uint64_t> m_limit;
    std::uint64_t m_used;
};

} // namespace objcap::detail
