#pragma once

#include <objcap/result.h>

namespace objcap::cli {

class BenchReport;
struct BenchSettings;

// How late a time budget bites: a Python loop and a catastrophic regex, each run with a
// budget; the time past the budget until the host has the LimitExceeded result.
class InterruptBench {
public:
    static objcap::Result<void> run(const BenchSettings &settings, BenchReport &report);
};

} // namespace objcap::cli
