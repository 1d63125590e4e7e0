#pragma once

#include <chrono>
#include <string>

namespace objcap {

// One entry of a sandbox's audit log: something plugin code tried, and whether it was allowed.
struct AuditRecord {
    std::chrono::system_clock::time_point time;
    std::string sandbox;  // SandboxOptions::name
    std::string event;    // e.g. "open", "import", "object.__getattr__"
    std::string detail;   // e.g. the path or module name, shortened
    bool allowed = false;
};

} // namespace objcap
