#pragma once

#include "objcap/capability.h"
#include "objcap/result.h"

#include <cstdint>
#include <memory>
#include <string>

namespace objcap {

// ctx.storage: a plugin's persistent key-value store (get, set, delete, keys) in one SQLite
// file. Values are JSON-compatible (None, bool, int, float, str, list, dict with str keys).
// Durability: WAL with synchronous=NORMAL — every acknowledged set/delete survives a crash of
// the process (kill -9); a power failure may lose the last few. A corrupt file is moved aside
// (PATH.corrupt-<time>) with a clear error, never emptied in place.
Result<std::shared_ptr<Capability>> makeStorageCapability(const std::string &path,
                                                          std::uint64_t quotaBytes = 16u << 20);

} // namespace objcap
