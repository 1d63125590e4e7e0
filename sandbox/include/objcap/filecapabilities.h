#pragma once

#include "objcap/capability.h"
#include "objcap/result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace objcap {

struct DirectoryGrant {
    std::string path;                       // host directory; plugins never see it
    bool readOnly = false;                  // enforced on every mutating method and mode
    std::optional<std::uint64_t> quotaBytes; // total size of the files beneath it
};

// ctx.files: a directory capability (read_text, read_bytes, write_text, write_bytes, open,
// listdir, exists, is_dir, stat, mkdir, remove, rmdir, rename, subdir, readonly, read_only).
// Paths resolve strictly beneath the directory (Linux openat2 with RESOLVE_BENEATH and
// RESOLVE_NO_MAGICLINKS); only regular files and directories are touched.
Result<std::shared_ptr<Capability>> makeDirectoryCapability(const DirectoryGrant &grant);

// ctx.file: one granted file (read_text, read_bytes, write_text, write_bytes, open, stat,
// read_only), e.g. what a user picked in a file dialog.
Result<std::shared_ptr<Capability>> makeFileCapability(const std::string &path, bool readOnly);

} // namespace objcap
