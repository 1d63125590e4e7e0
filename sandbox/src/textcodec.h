#pragma once

#include "objcap/result.h"

#include <string>

namespace objcap::detail {

// The encodings the file capabilities read and write text in: utf-8 (validated), ascii and
// latin-1. Values cross as UTF-8, so only these need no codec library.
class TextCodec {
public:
    static bool supported(const std::string &encoding);
    static Result<std::string> decode(const std::string &bytes, const std::string &encoding, const std::string &what);
    static Result<std::string> encode(const std::string &utf8, const std::string &encoding, const std::string &what);
    // Length of the longest prefix of `bytes` that is complete UTF-8 sequences.
    static std::size_t completePrefix(const std::string &bytes);
};

} // namespace objcap::detail
