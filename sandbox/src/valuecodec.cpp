#include "valuecodec.h"

#include <cmath>
#include <cstring>

namespace objcap::detail {

namespace {

enum Tag : char { None = 'n', False = 'f', True = 't', Int = 'i', Float = 'd', Str = 's', List = 'l', Dict = 'm' };
constexpr int maxDepth = 64;

void putSize(std::string &out, std::uint64_t n)
{
    for (int i = 0; i < 8; ++i)
        out += static_cast<char>((n >> (8 * i)) & 0xff);
}

Result<void> put(std::string &out, const Value &value, int depth)
{
    if (depth > maxDepth)
        return Error::make(ErrorCode::InvalidValue, "value nested too deeply for storage");
    const auto &v = value.storage();
    if (std::holds_alternative<std::monostate>(v)) {
        out += None;
    } else if (const bool *b = std::get_if<bool>(&v)) {
        out += *b ? True : False;
    } else if (const std::int64_t *i = std::get_if<std::int64_t>(&v)) {
        out += Int;
        putSize(out, static_cast<std::uint64_t>(*i));
    } else if (const double *d = std::get_if<double>(&v)) {
        if (!std::isfinite(*d))
            return Error::make(ErrorCode::InvalidValue, "storage values are JSON-compatible: no NaN or infinity");
        std::uint64_t bits;
        std::memcpy(&bits, d, sizeof bits);
        out += Float;
        putSize(out, bits);
    } else if (const std::string *s = std::get_if<std::string>(&v)) {
        out += Str;
        putSize(out, s->size());
        out += *s;
    } else if (const Value::List *l = std::get_if<Value::List>(&v)) {
        out += List;
        putSize(out, l->size());
        for (const Value &item : *l) {
            if (Result<void> ok = put(out, item, depth + 1); !ok)
                return ok;
        }
    } else if (const Value::Dict *m = std::get_if<Value::Dict>(&v)) {
        out += Dict;
        putSize(out, m->size());
        for (const auto &[key, item] : *m) {
            putSize(out, key.size());
            out += key;
            if (Result<void> ok = put(out, item, depth + 1); !ok)
                return ok;
        }
    } else {
        return Error::make(ErrorCode::InvalidArgument,
                           "storage values are JSON-compatible: None, bool, int, float, str, list, dict (not bytes "
                           "or capabilities)");
    }
    return {};
}

struct Reader {
    const std::string &in;
    std::size_t at = 0;

    bool size(std::uint64_t &n)
    {
        if (in.size() - at < 8)
            return false;
        n = 0;
        for (int i = 0; i < 8; ++i)
            n |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
        at += 8;
        return true;
    }
    bool text(std::string &s)
    {
        std::uint64_t n;
        if (!size(n) || in.size() - at < n)
            return false;
        s = in.substr(at, n);
        at += n;
        return true;
    }
    bool value(Value &out, int depth)
    {
        if (at >= in.size() || depth > maxDepth)
            return false;
        std::uint64_t n;
        switch (in[at++]) {
        case None: out = Value(); return true;
        case False: out = Value(false); return true;
        case True: out = Value(true); return true;
        case Int:
            if (!size(n))
                return false;
            out = Value(static_cast<std::int64_t>(n));
            return true;
        case Float: {
            if (!size(n))
                return false;
            double d;
            std::memcpy(&d, &n, sizeof d);
            out = Value(d);
            return true;
        }
        case Str: {
            std::string s;
            if (!text(s))
                return false;
            out = Value(std::move(s));
            return true;
        }
        case List: {
            if (!size(n) || n > in.size())
                return false;
            Value::List list;
            for (std::uint64_t i = 0; i < n; ++i) {
                Value item;
                if (!value(item, depth + 1))
                    return false;
                list.push_back(std::move(item));
            }
            out = Value(std::move(list));
            return true;
        }
        case Dict: {
            if (!size(n) || n > in.size())
                return false;
            Value::Dict dict;
            for (std::uint64_t i = 0; i < n; ++i) {
                std::string key;
                Value item;
                if (!text(key) || !value(item, depth + 1))
                    return false;
                dict.emplace_back(std::move(key), std::move(item));
            }
            out = Value(std::move(dict));
            return true;
        }
        default:
            return false;
        }
    }
};

} // namespace

Result<std::string> ValueCodec::encode(const Value &value)
{
    std::string out;
    if (Result<void> ok = put(out, value, 0); !ok)
        return ok.error();
    return out;
}

Result<Value> ValueCodec::decode(const std::string &bytes)
{
    Reader reader{bytes};
    Value out;
    if (!reader.value(out, 0) || reader.at != bytes.size())
        return Error::make(ErrorCode::Io, "a stored value is damaged");
    return out;
}

} // namespace objcap::detail
