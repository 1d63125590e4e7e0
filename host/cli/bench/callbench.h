#pragma once

#include <objcap/result.h>

namespace objcap::cli {

class BenchReport;
struct BenchSettings;

// What crossing the boundary costs: a hook call from the host thread, a capability call from
// plugin code, a 4 KiB file read through ctx.files, and storage set+get pairs.
class CallBench {
public:
    static objcap::Result<void> run(const BenchSettings &settings, BenchReport &report);
};

} // namespace objcap::cli
