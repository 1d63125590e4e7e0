#include "objcap/manifest.h"

#include "objcap/bytesize.h"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <tuple>

namespace objcap {

namespace {

constexpr std::size_t maxReason = 64;

// Builds "file:line:column: message" errors for one manifest.
class Checker {
public:
    explicit Checker(std::string origin) : m_origin(std::move(origin)) {}

    Error at(const toml::source_region &where, const std::string &message) const
    {
        std::ostringstream out;
        out << m_origin << ':' << where.begin.line << ':' << where.begin.column << ": " << message;
        return Error::make(ErrorCode::InvalidValue, out.str());
    }
    Error at(const toml::node &node, const std::string &message) const { return at(node.source(), message); }
    Error missing(const toml::table &table, const std::string &key, const std::string &what) const
    {
        return at(table.source(), "missing '" + key + "' (" + what + ")");
    }

    Result<void> onlyKeys(const toml::table &table, std::initializer_list<std::string_view> known,
                          const std::string &section) const
    {
        for (const auto &[key, node] : table) {
            bool ok = false;
            for (std::string_view k : known)
                ok = ok || key.str() == k;
            if (!ok) {
                std::string expected;
                for (std::string_view k : known)
                    expected += (expected.empty() ? "" : ", ") + std::string(k);
                return at(key.source(), "unknown key '" + std::string(key.str()) + "' in " + section + " (expected " +
                                            expected + ")");
            }
        }
        return {};
    }

    Result<std::string> string(const toml::table &table, const std::string &key, const std::string &what,
                               bool required) const
    {
        const toml::node *node = table.get(key);
        if (!node)
            return required ? Result<std::string>(missing(table, key, what)) : Result<std::string>(std::string());
        if (!node->is_string())
            return at(*node, "'" + key + "' must be a string (" + what + ")");
        return std::string(node->as_string()->get());
    }

    Result<std::vector<std::string>> strings(const toml::table &table, const std::string &key,
                                             const std::string &what) const
    {
        std::vector<std::string> out;
        const toml::node *node = table.get(key);
        if (!node)
            return out;
        const toml::array *array = node->as_array();
        if (!array)
            return at(*node, "'" + key + "' must be an array of strings (" + what + ")");
        for (const toml::node &item : *array) {
            if (!item.is_string())
                return at(item, "'" + key + "' must hold strings (" + what + ")");
            out.emplace_back(item.as_string()->get());
        }
        return out;
    }

private:
    std::string m_origin;
};

bool validId(const std::string &id)
{
    static const std::regex pattern("^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$");
    return id.size() <= 128 && std::regex_match(id, pattern);
}

bool validVersion(const std::string &version)
{
    static const std::regex semver("^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)"
                                   "(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$");
    return std::regex_match(version, semver);
}

// "1.0" as (1, 0); false if malformed.
bool versionPair(const std::string &text, int &major, int &minor)
{
    static const std::regex pair("^(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?$");
    std::smatch m;
    if (!std::regex_match(text, m, pair))
        return false;
    major = std::stoi(m[1]);
    minor = m[3].matched ? std::stoi(m[3]) : 0;
    return true;
}

// ">=1.0", ">=1.0,<2": comma-separated comparisons; whether the host API satisfies them.
Result<bool> apiAccepts(const std::string &range)
{
    int hostMajor = 0, hostMinor = 0;
    versionPair(Manifest::hostApiVersion, hostMajor, hostMinor);
    std::stringstream parts(range);
    std::string part;
    bool any = false;
    while (std::getline(parts, part, ',')) {
        part.erase(0, part.find_first_not_of(' '));
        part.erase(part.find_last_not_of(' ') + 1);
        static const std::regex comparison("^(>=|<=|==|>|<)\\s*(.+)$");
        std::smatch m;
        int major = 0, minor = 0;
        if (!std::regex_match(part, m, comparison) || !versionPair(m[2], major, minor))
            return Error::make(ErrorCode::InvalidValue, "'" + part + "'");
        const int c = hostMajor != major ? (hostMajor < major ? -1 : 1) : (hostMinor != minor ? (hostMinor < minor ? -1 : 1) : 0);
        const std::string op = m[1];
        const bool ok = op == ">=" ? c >= 0 : op == "<=" ? c <= 0 : op == "==" ? c == 0 : op == ">" ? c > 0 : c < 0;
        if (!ok)
            return false;
        any = true;
    }
    if (!any)
        return Error::make(ErrorCode::InvalidValue, "'" + range + "'");
    return true;
}

bool validEntry(const std::string &entry)
{
    if (entry.empty() || entry.front() == '/' || entry.find('\\') != std::string::npos ||
        entry.find('\0') != std::string::npos || entry.size() < 4 || entry.compare(entry.size() - 3, 3, ".py") != 0)
        return false;
    std::stringstream parts(entry);
    std::string part;
    while (std::getline(parts, part, '/')) {
        if (part.empty() || part == "." || part == "..")
            return false;
    }
    return true;
}

bool validOrigin(const std::string &origin)
{
    static const std::regex pattern("^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?/?$");
    return std::regex_match(origin, pattern);
}

Result<CapabilityRequest> capability(const Checker &check, const std::string &name, const toml::node &node)
{
    const toml::table *table = node.as_table();
    if (!table)
        return check.at(node, "[capabilities." + name + "] must be a table");
    CapabilityRequest request;
    request.name = name;
    const bool files = name == "files" || name == "file";
    const bool net = name == "net";
    if (name == "files") {
        if (auto ok = check.onlyKeys(*table, {"reason", "optional", "access", "quota"}, "[capabilities.files]"); !ok)
            return ok.error();
    } else if (files) {
        if (auto ok = check.onlyKeys(*table, {"reason", "optional", "access"}, "[capabilities.file]"); !ok)
            return ok.error();
    } else if (net) {
        if (auto ok = check.onlyKeys(*table, {"reason", "optional", "origins"}, "[capabilities.net]"); !ok)
            return ok.error();
    } else if (auto ok = check.onlyKeys(*table, {"reason", "optional"}, "[capabilities." + name + "]"); !ok) {
        return ok.error();
    }
    auto reason = check.string(*table, "reason", "why the plugin needs it, shown to the user", true);
    if (!reason)
        return reason.error();
    // Characters, as the schema and the message say: UTF-8 continuation bytes do not count.
    const std::size_t characters = static_cast<std::size_t>(
        std::count_if(reason->begin(), reason->end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    if (characters == 0 || characters > maxReason)
        return check.at(*table->get("reason"), "'reason' must be 1 to " + std::to_string(maxReason) +
                                                   " characters, not " + std::to_string(characters));
    request.reason = reason.value();
    if (const toml::node *optional = table->get("optional")) {
        if (!optional->is_boolean())
            return check.at(*optional, "'optional' must be true or false");
        request.optional = optional->as_boolean()->get();
    }
    if (files) {
        auto access = check.string(*table, "access", "\"read\" or \"read-write\"", false);
        if (!access)
            return access.error();
        request.access = access->empty() ? "read" : access.value();
        if (request.access != "read" && request.access != "read-write")
            return check.at(*table->get("access"), "'access' must be \"read\" or \"read-write\", not \"" +
                                                       request.access + "\"");
        if (const toml::node *quota = table->get("quota")) {
            const auto *text = quota->as_string();
            request.quotaBytes = text ? parseByteSize(text->get()) : std::nullopt;
            if (!request.quotaBytes || *request.quotaBytes == 0)
                return check.at(*quota, "'quota' must be a size like \"5 MiB\" (B, KiB, MiB or GiB)");
        }
    }
    if (net) {
        auto origins = check.strings(*table, "origins", "origins like \"https://api.example.com\"");
        if (!origins)
            return origins.error();
        if (origins->empty())
            return check.missing(*table, "origins", "the origins the plugin may reach, like \"https://api.example.com\"");
        for (const std::string &origin : origins.value()) {
            if (!validOrigin(origin))
                return check.at(*table->get("origins"), "not an origin (scheme://host[:port]): \"" + origin + "\"");
        }
        request.origins = origins.value();
    }
    return request;
}

} // namespace

Result<Manifest> Manifest::parse(std::string_view text, const std::string &origin)
{
    Checker check(origin);
    toml::table root;
    try {
        root = toml::parse(text, origin);
    } catch (const toml::parse_error &e) {
        return check.at(e.source(), std::string(e.description()));
    }
    if (auto ok = check.onlyKeys(root, {"plugin", "capabilities"}, "the manifest"); !ok)
        return ok.error();
    const toml::table *plugin = root["plugin"].as_table();
    if (!plugin)
        return Error::make(ErrorCode::InvalidValue, origin + ":1:1: missing the [plugin] table");
    if (auto ok = check.onlyKeys(*plugin, {"id", "name", "version", "entry", "description", "authors", "license", "api"},
                                 "[plugin]");
        !ok)
        return ok.error();

    Manifest m;
    auto id = check.string(*plugin, "id", "a lowercase reverse-DNS id like \"org.example.wordcount\"", true);
    if (!id)
        return id.error();
    if (!validId(id.value()))
        return check.at(*plugin->get("id"), "'id' must be a lowercase reverse-DNS name like \"org.example.wordcount\", "
                                            "not \"" + id.value() + "\"");
    m.m_id = id.value();
    auto name = check.string(*plugin, "name", "the name shown to users", true);
    if (!name)
        return name.error();
    if (name->empty() || name->size() > 64)
        return check.at(*plugin->get("name"), "'name' must be 1 to 64 characters");
    m.m_name = name.value();
    auto version = check.string(*plugin, "version", "a semantic version like \"1.2.0\"", true);
    if (!version)
        return version.error();
    if (!validVersion(version.value()))
        return check.at(*plugin->get("version"), "'version' must be a semantic version like \"1.2.0\", not \"" +
                                                     version.value() + "\"");
    m.m_version = version.value();
    auto entry = check.string(*plugin, "entry", "the Python file defining activate(ctx)", true);
    if (!entry)
        return entry.error();
    if (!validEntry(entry.value()))
        return check.at(*plugin->get("entry"), "'entry' must be a .py file inside the package (a relative path "
                                               "without '..'), not \"" + entry.value() + "\"");
    m.m_entry = entry.value();
    for (auto [field, key, what] : {std::tuple{&m.m_description, "description", "a short description"},
                                    std::tuple{&m.m_license, "license", "an SPDX license id like \"MIT\""}}) {
        auto value = check.string(*plugin, key, what, false);
        if (!value)
            return value.error();
        *field = value.value();
    }
    auto authors = check.strings(*plugin, "authors", "the authors' names");
    if (!authors)
        return authors.error();
    m.m_authors = authors.value();
    auto api = check.string(*plugin, "api", "the host API versions it works with, like \">=1.0\"", false);
    if (!api)
        return api.error();
    m.m_api = api->empty() ? ">=1.0" : api.value();
    auto accepted = apiAccepts(m.m_api);
    if (!accepted)
        return check.at(plugin->get("api") ? plugin->get("api")->source() : plugin->source(),
                        "'api' must be comparisons like \">=1.0\" or \">=1.0,<2\", not " + accepted.error().message);
    if (!accepted.value())
        return check.at(plugin->get("api")->source(), "the plugin needs host API " + m.m_api + "; this host offers " +
                                                          hostApiVersion);

    if (const toml::node *capabilities = root.get("capabilities")) {
        const toml::table *table = capabilities->as_table();
        if (!table)
            return check.at(*capabilities, "[capabilities] must be a table of capability tables");
        for (const auto &[key, node] : *table) {
            const std::string capabilityName(key.str());
            // document and ui are defined by host applications (objcap-host's editor); a host
            // that offers neither leaves them ungranted.
            static const std::vector<std::string> known = {"files", "file", "storage", "log", "timers", "net", "document", "ui"};
            if (std::find(known.begin(), known.end(), capabilityName) == known.end())
                return check.at(key.source(), "unknown capability '" + capabilityName +
                                                  "' (files, file, storage, log, timers, net, document, ui)");
            auto request = capability(check, capabilityName, node);
            if (!request)
                return request.error();
            m.m_capabilities.push_back(std::move(request).value());
        }
    }
    return m;
}

Result<Manifest> Manifest::load(const std::string &directory)
{
    namespace fs = std::filesystem;
    const fs::path file = fs::path(directory) / "plugin.toml";
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return Error::make(ErrorCode::NotFound, file.string() + ": no manifest (plugin.toml) in the plugin folder");
    std::ostringstream text;
    text << in.rdbuf();
    auto manifest = parse(text.str(), file.string());
    if (!manifest)
        return manifest;
    std::error_code ec;
    const fs::path entry = fs::path(directory) / manifest->entry();
    if (!fs::is_regular_file(fs::symlink_status(entry, ec)))
        return Error::make(ErrorCode::InvalidValue, file.string() + ": the entry file '" + manifest->entry() +
                                                        "' is not a regular file in the package");
    return manifest;
}

} // namespace objcap
