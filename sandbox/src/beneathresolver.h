#pragma once

#include "objcap/result.h"
#include "uniquefd.h"

#include <string>

namespace objcap::detail {

// Resolves plugin paths strictly beneath a directory fd with Linux openat2(RESOLVE_BENEATH |
// RESOLVE_NO_MAGICLINKS): no "..", absolute path, symlink or /proc magic link leads out. The
// kernel does the resolution; there is no hand-rolled fallback (without openat2 every call is
// refused). Errors name the path as the plugin wrote it, prefixed with `display` (the
// capability's plugin-relative root), never a host path.
class BeneathResolver {
public:
    // Checks the path's form: non-empty, relative, no NUL.
    static Result<void> validate(const std::string &path, const std::string &display);
    static Result<UniqueFd> open(int dirfd, const std::string &path, int flags, unsigned mode,
                                 const std::string &display);
    // The parent directory (opened O_PATH) and the last component of path, which must name
    // an entry (not "." or "..").
    struct Entry {
        UniqueFd parent;
        std::string name;
    };
    static Result<Entry> entry(int dirfd, const std::string &path, const std::string &display);
    // An Error for errno as a plugin should see it.
    static Error failure(int error, const std::string &path, const std::string &display);
};

} // namespace objcap::detail
