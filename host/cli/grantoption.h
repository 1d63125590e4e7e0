#pragma once

#include <objcap/capability.h>
#include <objcap/logcapability.h>
#include <objcap/result.h>

#include <QString>

#include <memory>
#include <string>

namespace objcap::cli {

// One `--grant` of `objcap exec`: files=DIR[:ro], file=PATH[:ro], storage=PATH.sqlite, log,
// timers, net=ORIGIN (several net grants make one capability with all their origins). The capability it
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

} // namespace objcap::cli
