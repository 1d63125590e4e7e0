#pragma once

#include "objcap/result.h"

#include <memory>
#include <string>
#include <vector>

namespace objcap {

class Runtime;

// Benchmark-only (`objcap bench`): the unsandboxed baseline. A plain sub-interpreter made
// like a sandbox's (own GIL, own obmalloc, no threads) but WITHOUT the objcap lockdown: the
// full standard library, open(), no guarded attributes, no capabilities, no budgets. It lets
// a benchmark run the same Python source sandboxed and unsandboxed in the same process and
// compare. Never give it plugin code.
//
// It belongs to the OS thread that creates it, which alone may use and destroy it; that
// thread must not be the one that started the Runtime (it owns the main interpreter).
class BenchmarkProbe {
public:
    static Result<std::unique_ptr<BenchmarkProbe>> create(const Runtime &runtime);
    ~BenchmarkProbe();
    BenchmarkProbe(const BenchmarkProbe &) = delete;
    BenchmarkProbe &operator=(const BenchmarkProbe &) = delete;

    // Runs source in the probe's __main__.
    Result<void> exec(const std::string &source);
    // Evaluates an expression of __main__ that yields a number.
    Result<double> evalNumber(const std::string &expression);
    // Calls __main__.<function>(1) `count` times from C++ on this thread; each call's
    // duration in nanoseconds.
    Result<std::vector<double>> timeCalls(const std::string &function, int count);

    struct Impl;

private:
    explicit BenchmarkProbe(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace objcap
