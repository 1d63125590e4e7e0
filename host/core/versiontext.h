#pragma once

#include <objcap/runtime.h>

#include <QString>

namespace objcap::host {

// What `--version` prints for both binaries.
class VersionText {
public:
    static QString forRuntime(const QString &program, const objcap::RuntimeInfo &info);
};

} // namespace objcap::host
