#pragma once

#include <objcap/result.h>

namespace objcap::cli {

class BenchReport;
struct BenchSettings;

// What the lockdown costs pure Python: the same kernels (an n-body simulation, a JSON round
// trip, a regex scan) in a sandbox and in an unlocked interpreter of the same process; and
// how CPU-bound plugins scale across cores (one GIL per sandbox).
class ComputeBench {
public:
    static objcap::Result<void> runKernels(const BenchSettings &settings, BenchReport &report);
    static objcap::Result<void> runParallel(const BenchSettings &settings, BenchReport &report);
};

} // namespace objcap::cli
