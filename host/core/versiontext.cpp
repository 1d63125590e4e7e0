#include "versiontext.h"

namespace objcap::host {

QString VersionText::forRuntime(const QString &program, const objcap::RuntimeInfo &info)
{
    return QStringLiteral("%1 %2\nCPython %3 (objcap patch level %4)\n")
        .arg(program, QString::fromStdString(info.objcapVersion), QString::fromStdString(info.pythonVersion))
        .arg(info.patchLevel);
}

} // namespace objcap::host
