#pragma once

#include <objcap/manifest.h>

#include <QString>

namespace objcap::host {

// What a capability lets a plugin do, in the plain words the permission review and the
// runtime prompt show an end user.
class CapabilityWords {
public:
    static QString describe(const objcap::CapabilityRequest &request);
};

} // namespace objcap::host
