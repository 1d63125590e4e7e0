#include "objcap/sandboxpolicy.h"

#include <toml++/toml.h>

#include <sstream>

namespace objcap {

namespace {

constexpr std::string_view defaultPolicyText =
#include "defaultpolicy.inc"
    ;

std::string where(std::string_view origin, const toml::source_region &region)
{
    std::ostringstream out;
    out << origin << ':' << region.begin.line << ':' << region.begin.column;
    return out.str();
}

// Reads table.key as an array of strings into out; a missing key leaves out empty.
Result<void> readNames(const toml::table &table, std::string_view key, std::string_view origin,
                       std::set<std::string> &out)
{
    const toml::node *node = table.get(key);
    if (!node)
        return {};
    const toml::array *array = node->as_array();
    if (!array)
        return Error::make(ErrorCode::Runtime, where(origin, node->source()) + ": '" + std::string(key) +
                                                   "' must be an array of strings");
    for (const toml::node &item : *array) {
        const auto *name = item.as_string();
        if (!name || name->get().empty())
            return Error::make(ErrorCode::Runtime, where(origin, item.source()) + ": '" + std::string(key) +
                                                       "' must hold non-empty strings");
        out.insert(name->get());
    }
    return {};
}

Result<void> checkKeys(const toml::table &table, std::initializer_list<std::string_view> known,
                       std::string_view origin)
{
    for (const auto &[key, node] : table) {
        bool ok = false;
        for (std::string_view k : known)
            ok = ok || key.str() == k;
        if (!ok)
            return Error::make(ErrorCode::Runtime,
                               where(origin, key.source()) + ": unknown key '" + std::string(key.str()) + "'");
    }
    return {};
}

} // namespace

const SandboxPolicy &SandboxPolicy::defaults()
{
    static const SandboxPolicy policy = [] {
        Result<SandboxPolicy> parsed = parse(defaultPolicyText, "sandbox-policy.toml");
        if (!parsed)  // a build-time file, checked by the tests
            std::abort();
        return std::move(parsed).value();
    }();
    return policy;
}

Result<SandboxPolicy> SandboxPolicy::parse(std::string_view text, std::string_view origin)
{
    toml::table root;
    try {
        root = toml::parse(text, origin);
    } catch (const toml::parse_error &e) {
        return Error::make(ErrorCode::Runtime, where(origin, e.source()) + ": " + std::string(e.description()));
    }
    SandboxPolicy policy;
    Result<void> r = checkKeys(root, {"imports", "views"}, origin);
    const toml::table *imports = root["imports"].as_table();
    const toml::table *views = root["views"].as_table();
    if (r && imports)
        r = checkKeys(*imports, {"allow", "never"}, origin);
    if (r && imports)
        r = readNames(*imports, "allow", origin, policy.m_allowed);
    if (r && imports)
        r = readNames(*imports, "never", origin, policy.m_never);
    if (r && views)
        r = checkKeys(*views, {"hide"}, origin);
    if (r && views)
        r = readNames(*views, "hide", origin, policy.m_hidden);
    if (!r)
        return r.error();
    for (const std::string &module : policy.m_allowed) {
        if (policy.forbidsImport(module))
            return Error::make(ErrorCode::Runtime, std::string(origin) + ": '" + module +
                                                       "' is both allowed and never to be imported");
    }
    return policy;
}

bool SandboxPolicy::forbidsImport(std::string_view module) const
{
    for (;;) {
        if (m_never.count(std::string(module)))
            return true;
        const size_t dot = module.rfind('.');
        if (dot == std::string_view::npos)
            return false;
        module = module.substr(0, dot);
    }
}

bool SandboxPolicy::hidesAttribute(std::string_view module, std::string_view name) const
{
    std::string key(module);
    key += '.';
    key += name;
    return m_hidden.count(key) > 0;
}

Result<void> SandboxPolicy::allowImport(const std::string &module)
{
    if (forbidsImport(module))
        return Error::make(ErrorCode::Runtime, "'" + module + "' can never be imported in a sandbox");
    m_allowed.insert(module);
    return {};
}

} // namespace objcap
