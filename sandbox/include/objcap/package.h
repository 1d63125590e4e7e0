#pragma once

#include "objcap/result.h"

#include <cstdint>
#include <string>

namespace objcap {

// A plugin package: a zip file with the extension .objcap holding a plugin folder (plugin.toml
// at its root). Reading one validates everything before writing anything, and refuses path
// traversal and absolute names (backslashes too), symlinks, devices and other non-regular
// entries, duplicate names, too many entries, oversized or high-ratio entries (zip bombs),
// native code (.so, .pyd, .dll, ...) and a missing or invalid manifest.
class Package {
public:
    struct Limits {
        std::uint64_t maxEntries = 2000;
        std::uint64_t maxEntryBytes = 32u << 20;
        std::uint64_t maxTotalBytes = 128u << 20;
        std::uint64_t maxRatio = 100;  // uncompressed / compressed, for entries over 64 KiB
    };

    // Checks the package and unpacks it into `destination`, which must not exist yet; on any
    // error nothing is left behind.
    static Result<void> extract(const std::string &package, const std::string &destination, Limits limits);
    static Result<void> extract(const std::string &package, const std::string &destination)
    {
        return extract(package, destination, Limits{});
    }
    // Zips a plugin folder (validated first) into `package`, written atomically: regular files
    // only, no __pycache__.
    static Result<void> pack(const std::string &folder, const std::string &package);
};

} // namespace objcap
