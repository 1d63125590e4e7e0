#include "validatecommand.h"

#include "exitcode.h"

#include <objcap/manifest.h>

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>

namespace objcap::cli {

int ValidateCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("The plugin folder (with plugin.toml)."));
    if (!parser.parse(arguments) || parser.positionalArguments().size() != 1) {
        std::fprintf(stderr, "objcap validate: %s\nusage: objcap validate DIR\n",
                     parser.errorText().isEmpty() ? "exactly one plugin folder expected" : qPrintable(parser.errorText()));
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs("usage: objcap validate DIR\nChecks the plugin folder's plugin.toml without running plugin code.\n",
                   stdout);
        return Completed;
    }
    const QString dir = parser.positionalArguments().first();
    if (!QFileInfo(dir).isDir()) {
        std::fprintf(stderr, "objcap validate: %s: not a folder\nusage: objcap validate DIR\n", qPrintable(dir));
        return UsageError;
    }
    auto manifest = objcap::Manifest::load(dir.toStdString());
    if (!manifest) {
        std::fprintf(stderr, "%s\n", manifest.error().message.c_str());
        return PluginError;
    }
    std::printf("%s %s (%s): valid\n", manifest->id().c_str(), manifest->version().c_str(), manifest->name().c_str());
    for (const objcap::CapabilityRequest &c : manifest->capabilities())
        std::printf("  asks for %s%s: %s\n", c.name.c_str(), c.optional ? " (optional)" : "", c.reason.c_str());
    return Completed;
}

} // namespace objcap::cli
