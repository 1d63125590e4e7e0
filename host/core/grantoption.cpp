#include "grantoption.h"

#include <objcap/bytesize.h>
#include <objcap/filecapabilities.h>
#include <objcap/storagecapability.h>
#include <objcap/timerscapability.h>

#include "netcapability.h"

#include <QFileInfo>

namespace objcap::host {

namespace {

objcap::Error bad(const QString &spec, const QString &why)
{
    return objcap::Error::make(objcap::ErrorCode::InvalidArgument,
                               QStringLiteral("--grant %1: %2").arg(spec, why).toStdString());
}

} // namespace

objcap::Result<GrantOption::Grant> GrantOption::parse(const QString &spec, const objcap::LogSink &log)
{
    const qsizetype eq = spec.indexOf(u'=');
    const QString name = eq < 0 ? spec : spec.left(eq);
    QString value = eq < 0 ? QString() : spec.mid(eq + 1);
    if (name == QLatin1String("log")) {
        if (eq >= 0)
            return bad(spec, QStringLiteral("log takes no value"));
        return Grant{"log", objcap::makeLogCapability(log), value};
    }
    if (name == QLatin1String("files") || name == QLatin1String("file")) {
        // Suffixes, in any order: ":ro" and (for files) ":quota=SIZE".
        bool readOnly = false;
        std::optional<std::uint64_t> quota;
        for (bool more = true; more;) {
            more = false;
            if (value.endsWith(QLatin1String(":ro"))) {
                readOnly = more = true;
                value.chop(3);
            }
            const qsizetype at = value.lastIndexOf(QLatin1String(":quota="));
            if (name == QLatin1String("files") && at >= 0) {
                quota = objcap::parseByteSize(value.mid(at + 7).toStdString());
                if (!quota || *quota == 0)
                    return bad(spec, QStringLiteral("quota must be a size like 5MiB, not '%1'").arg(value.mid(at + 7)));
                value.truncate(at);
                more = true;
            }
        }
        if (value.isEmpty())
            return bad(spec, QStringLiteral("%1 needs a path: %1=PATH[:ro]%2")
                                 .arg(name, name == QLatin1String("files") ? QStringLiteral("[:quota=SIZE]") : QString()));
        const QFileInfo info(value);
        if (name == QLatin1String("files") && !info.isDir())
            return bad(spec, QStringLiteral("'%1' is not a directory").arg(value));
        if (name == QLatin1String("file") && info.exists() && !info.isFile())
            return bad(spec, QStringLiteral("'%1' is not a regular file").arg(value));
        auto capability = name == QLatin1String("files")
                              ? objcap::makeDirectoryCapability({value.toStdString(), readOnly, quota})
                              : objcap::makeFileCapability(value.toStdString(), readOnly);
        if (!capability)
            return bad(spec, QString::fromStdString(capability.error().message));
        return Grant{name.toStdString(), std::move(capability).value(), value};
    }
    if (name == QLatin1String("storage")) {
        if (value.isEmpty())
            return bad(spec, QStringLiteral("storage needs a database file: storage=PATH.sqlite"));
        auto capability = objcap::makeStorageCapability(value.toStdString());
        if (!capability)
            return bad(spec, QString::fromStdString(capability.error().message));
        return Grant{"storage", std::move(capability).value(), value};
    }
    if (name == QLatin1String("timers")) {
        if (eq >= 0)
            return bad(spec, QStringLiteral("timers takes no value"));
        return Grant{"timers", objcap::makeTimersCapability(), value};
    }
    if (name == QLatin1String("net")) {
        auto capability = NetCapability::create(value.split(u',', Qt::SkipEmptyParts));
        if (!capability)
            return bad(spec, QString::fromStdString(capability.error().message));
        return Grant{"net", std::move(capability).value(), value};
    }
    return bad(spec, QStringLiteral("unknown capability '%1' (files, file, storage, log, timers, net)").arg(name));
}

} // namespace objcap::host
