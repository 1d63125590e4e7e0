#pragma once

#include "objcap/result.h"
#include "objcap/value.h"

#include <string>

namespace objcap::detail {

// Stores JSON-compatible values (None, bool, int, float, str, list, dict with str keys) as
// compact bytes and reads them back. Bytes, capabilities, NaN and infinities are refused:
// they have no JSON form.
class ValueCodec {
public:
    static Result<std::string> encode(const Value &value);
    static Result<Value> decode(const std::string &bytes);
};

} // namespace objcap::detail
