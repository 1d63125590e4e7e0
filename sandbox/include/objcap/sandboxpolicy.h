#pragma once

#include "objcap/result.h"

#include <set>
#include <string>
#include <string_view>

namespace objcap {

// What plugin code in a sandbox may import. A value: copy it, narrow or widen it per plugin,
// and hand it to SandboxOptions. Widening stops at the policy's never-list, which holds the
// modules that mean authority (os, sys, io, socket, ctypes, importlib, ...).
class SandboxPolicy {
public:
    // The policy compiled into objcap (resources/sandbox-policy.toml).
    static const SandboxPolicy &defaults();
    // Parses a policy in the same TOML form; errors name origin:line:column.
    static Result<SandboxPolicy> parse(std::string_view toml, std::string_view origin);

    bool allowsImport(std::string_view module) const { return m_allowed.count(std::string(module)) > 0; }
    // True for a never-listed module or any submodule of one.
    bool forbidsImport(std::string_view module) const;
    // "time.sleep": a public attribute hidden from the module's view all the same.
    bool hidesAttribute(std::string_view module, std::string_view name) const;

    Result<void> allowImport(const std::string &module);  // refused for never-listed modules
    void disallowImport(const std::string &module) { m_allowed.erase(module); }
    const std::set<std::string> &allowedImports() const { return m_allowed; }

private:
    std::set<std::string> m_allowed;
    std::set<std::string> m_never;
    std::set<std::string> m_hidden;  // "module.name"
};

} // namespace objcap
