#include "objcap/value.h"

#include "objcap/capability.h"

#include <cstdio>

namespace objcap {

namespace {

std::string quote(const std::string &s, char prefix)
{
    std::string out;
    if (prefix)
        out += prefix;
    out += '\'';
    for (unsigned char c : s) {
        if (c == '\'' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7f || (prefix && c >= 0x80)) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + '\'';
}

} // namespace

std::string Value::repr() const
{
    struct Visitor {
        std::string operator()(std::monostate) const { return "None"; }
        std::string operator()(bool b) const { return b ? "True" : "False"; }
        std::string operator()(std::int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const
        {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.17g", d);
            return buf;
        }
        std::string operator()(const std::string &s) const { return quote(s, 0); }
        std::string operator()(const Bytes &b) const { return quote(b.data, 'b'); }
        std::string operator()(const List &l) const
        {
            std::string out = "[";
            for (size_t i = 0; i < l.size(); ++i)
                out += (i ? ", " : "") + l[i].repr();
            return out + "]";
        }
        std::string operator()(const CapabilityRef &c) const
        {
            return c ? "<" + c->kind() + " capability>" : "None";
        }
        std::string operator()(const CallbackRef &) const { return "<callback>"; }
        std::string operator()(const Dict &d) const
        {
            std::string out = "{";
            for (size_t i = 0; i < d.size(); ++i)
                out += (i ? ", " : "") + quote(d[i].first, 0) + ": " + d[i].second.repr();
            return out + "}";
        }
    };
    return std::visit(Visitor{}, m_v);
}

} // namespace objcap
