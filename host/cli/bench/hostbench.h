#pragma once

#include <objcap/result.h>

namespace objcap::cli {

class BenchReport;
struct BenchSettings;

// A host's view: a game loop calling on_tick(dt) in 50 plugins as fast as it can, and the
// host core (registry + plugin instances) bringing up 50 installed plugins.
class HostBench {
public:
    static objcap::Result<void> run(const BenchSettings &settings, BenchReport &report);
};

} // namespace objcap::cli
