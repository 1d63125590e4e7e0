#pragma once

#include <objcap/result.h>

namespace objcap::cli {

class BenchReport;
struct BenchSettings;

// What a sandbox costs to have: time to create one ready for plugin code and the memory an
// idle one holds, against a process of the same runtime started per plugin.
class SandboxBench {
public:
    static objcap::Result<void> run(const BenchSettings &settings, BenchReport &report);
};

} // namespace objcap::cli
