#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace objcap {

// A size as people write it in manifests and on command lines: "4096", "512 KiB", "5MiB",
// "1 GiB" (binary units; B, KiB, MiB, GiB). Nothing else — no decimals, no negative sizes,
// no overflow.
std::optional<std::uint64_t> parseByteSize(std::string_view text);

} // namespace objcap
