#pragma once

#include "objcap/result.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace objcap {

// What a plugin asks for one capability: why (shown to the user), whether it can wait until
// the plugin asks at run time, and the capability's own scope keys.
struct CapabilityRequest {
    std::string name;    // files, file, storage, log, timers, net; document, ui (host-defined)
    std::string reason;  // at most 64 characters
    bool optional = false;
    std::string access;               // files, file: "read" or "read-write"
    std::optional<std::uint64_t> quotaBytes; // files: the space it asks for, enforced by the grant
    std::vector<std::string> origins; // net
};

// A plugin's plugin.toml, parsed and validated strictly — unknown keys, wrong types, bad ids
// or versions, an entry outside the package, unknown capabilities and over-long reasons are
// errors naming file:line:column and what was expected. An immutable value: reading it never
// runs plugin code. See resources/manifest.schema.json.
class Manifest {
public:
    static constexpr const char *hostApiVersion = "1.0";

    // Parses manifest text; `origin` names the file in messages.
    static Result<Manifest> parse(std::string_view toml, const std::string &origin);
    // Reads <directory>/plugin.toml and checks that the entry file exists in the directory.
    static Result<Manifest> load(const std::string &directory);

    const std::string &id() const { return m_id; }
    const std::string &name() const { return m_name; }
    const std::string &version() const { return m_version; }
    const std::string &entry() const { return m_entry; }
    const std::string &description() const { return m_description; }
    const std::vector<std::string> &authors() const { return m_authors; }
    const std::string &license() const { return m_license; }
    const std::string &api() const { return m_api; }
    const std::vector<CapabilityRequest> &capabilities() const { return m_capabilities; }

private:
    std::string m_id, m_name, m_version, m_entry, m_description, m_license, m_api;
    std::vector<std::string> m_authors;
    std::vector<CapabilityRequest> m_capabilities;
};

} // namespace objcap
