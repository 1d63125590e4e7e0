#pragma once

#include <objcap/capability.h>
#include <objcap/logcapability.h>
#include <objcap/result.h>

#include <QString>

#include <memory>
#include <string>

namespace objcap::host {

// One grant in the syntax of `objcap exec --grant` and of the registry (CAP=SCOPE): files=DIR[:ro], file=PATH[:ro], storage=PATH.sqlite, log,
// timers, net=ORIGIN[,ORIGIN...] (several net grants make one capability with all their origins). The capability it
// makes and the ctx attribute it appears under; a clear error for anything else.
class GrantOption {
public:
    struct Grant {
        std::string name;
        std::shared_ptr<objcap::Capability> capability;
        QString value;  // as given, e.g. the origin of a net grant
    };
    static objcap::Result<Grant> parse(const QString &spec, const objcap::LogSink &log);
};

} // namespace objcap::host
