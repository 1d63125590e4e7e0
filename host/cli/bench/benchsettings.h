#pragma once

#include <QString>

namespace objcap { class Runtime; }

namespace objcap::cli {

// What every benchmark group gets: the runtime, how long to run, and a scratch folder.
struct BenchSettings {
    objcap::Runtime &runtime;
    bool quick = false;           // fewer samples: the whole run within a minute on 2 cores
    QString workDir;              // removed after the run
    int scaled(int quickCount, int fullCount) const { return quick ? quickCount : fullCount; }
};

} // namespace objcap::cli
