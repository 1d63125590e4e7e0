#include "capabilitywords.h"

#include <QCoreApplication>
#include <QLocale>

namespace objcap::host {

QString CapabilityWords::describe(const objcap::CapabilityRequest &request)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("CapabilityWords", text); };
    const QString name = QString::fromStdString(request.name);
    const bool writes = request.access == "read-write";
    if (name == u"files") {
        QString words = writes ? tr("Read and change files in a folder you choose") : tr("Read files in a folder you choose");
        if (request.quotaBytes)
            words += tr(" (writing at most %1)").arg(QLocale().formattedDataSize(qint64(*request.quotaBytes)));
        return words;
    }
    if (name == u"file")
        return writes ? tr("Read and change one file you choose") : tr("Read one file you choose");
    if (name == u"storage")
        return tr("Keep its own settings and data");
    if (name == u"log")
        return tr("Write messages to the activity log");
    if (name == u"timers")
        return tr("Run on a timer in the background");
    if (name == u"net") {
        QStringList origins;
        for (const std::string &origin : request.origins)
            origins << QString::fromStdString(origin);
        return tr("Connect to %1").arg(origins.join(QStringLiteral(", ")));
    }
    if (name == u"document")
        return tr("Read and edit the open document");
    if (name == u"ui")
        return tr("Add commands, a panel and notifications");
    return name;
}

} // namespace objcap::host
