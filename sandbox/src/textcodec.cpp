#include "textcodec.h"

#include <cstdio>

namespace objcap::detail {

namespace {

std::string normal(const std::string &encoding)
{
    std::string out;
    for (char c : encoding) {
        if (c == '_')
            c = '-';
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (out == "utf8")
        return "utf-8";
    if (out == "latin1" || out == "iso-8859-1" || out == "iso8859-1")
        return "latin-1";
    if (out == "us-ascii")
        return "ascii";
    return out;
}

// Length of the valid UTF-8 sequence starting at i, or 0.
std::size_t sequence(const std::string &s, std::size_t i)
{
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    if (n == 0 || i + n > s.size())
        return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80)
            return 0;
    }
    if (n == 2 && c < 0xc2)
        return 0;  // overlong
    if (n == 3) {
        const auto c1 = static_cast<unsigned char>(s[i + 1]);
        if ((c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 >= 0xa0))
            return 0;  // overlong, or a surrogate
    }
    if (n == 4) {
        const auto c1 = static_cast<unsigned char>(s[i + 1]);
        if ((c == 0xf0 && c1 < 0x90) || c > 0xf4 || (c == 0xf4 && c1 >= 0x90))
            return 0;
    }
    return n;
}

Error undecodable(const std::string &what, const std::string &encoding, std::size_t at, unsigned char byte)
{
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02x", byte);
    return Error::make(ErrorCode::InvalidValue, what + " is not valid " + encoding + " (byte " + hex + " at offset " +
                                                    std::to_string(at) + ")");
}

} // namespace

bool TextCodec::supported(const std::string &encoding)
{
    const std::string e = normal(encoding);
    return e == "utf-8" || e == "ascii" || e == "latin-1";
}

Result<std::string> TextCodec::decode(const std::string &bytes, const std::string &encoding, const std::string &what)
{
    const std::string e = normal(encoding);
    if (e == "latin-1") {
        std::string out;
        out.reserve(bytes.size());
        for (unsigned char c : bytes) {
            if (c < 0x80) {
                out += static_cast<char>(c);
            } else {
                out += static_cast<char>(0xc0 | (c >> 6));
                out += static_cast<char>(0x80 | (c & 0x3f));
            }
        }
        return out;
    }
    if (e != "utf-8" && e != "ascii")
        return Error::make(ErrorCode::InvalidValue, "unsupported encoding '" + encoding + "' (utf-8, ascii, latin-1)");
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t n = e == "ascii" ? (static_cast<unsigned char>(bytes[i]) < 0x80 ? 1 : 0) : sequence(bytes, i);
        if (n == 0)
            return undecodable(what, e, i, static_cast<unsigned char>(bytes[i]));
        i += n;
    }
    return bytes;
}

Result<std::string> TextCodec::encode(const std::string &utf8, const std::string &encoding, const std::string &what)
{
    const std::string e = normal(encoding);
    if (e == "utf-8")
        return utf8;
    if (e != "ascii" && e != "latin-1")
        return Error::make(ErrorCode::InvalidValue, "unsupported encoding '" + encoding + "' (utf-8, ascii, latin-1)");
    std::string out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
        } else if (e == "latin-1" && (c == 0xc2 || c == 0xc3) && i + 1 < utf8.size()) {
            out += static_cast<char>(((c & 0x03) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3f));
            i += 2;
        } else {
            return Error::make(ErrorCode::InvalidValue, what + " cannot be encoded in " + e);
        }
    }
    return out;
}

std::size_t TextCodec::completePrefix(const std::string &bytes)
{
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t n = sequence(bytes, i);
        if (n == 0)
            break;
        i += n;
    }
    return i;
}

} // namespace objcap::detail
