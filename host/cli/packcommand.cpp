#include "packcommand.h"

#include "exitcode.h"

#include <objcap/package.h>

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>

namespace objcap::cli {

int PackCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                              QStringLiteral("The package to write (FILE.objcap)."), QStringLiteral("FILE"));
    parser.addOption(output);
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("The plugin folder."));
    const auto usage = [](const QString &message) {
        std::fprintf(stderr, "objcap pack: %s\nusage: objcap pack DIR -o FILE.objcap\n", qPrintable(message));
        return UsageError;
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.positionalArguments().size() != 1 || !parser.isSet(output))
        return usage(QStringLiteral("a plugin folder and -o FILE.objcap are needed"));
    const QString folder = parser.positionalArguments().first();
    const QString package = parser.value(output);
    if (!QFileInfo(folder).isDir())
        return usage(QStringLiteral("%1: not a folder").arg(folder));
    if (!package.endsWith(QLatin1String(".objcap")))
        return usage(QStringLiteral("%1: a package's name ends in .objcap").arg(package));
    if (auto ok = objcap::Package::pack(folder.toStdString(), package.toStdString()); !ok) {
        std::fprintf(stderr, "%s\n", ok.error().message.c_str());
        return PluginError;
    }
    std::printf("wrote %s\n", qPrintable(package));
    return Completed;
}

} // namespace objcap::cli
