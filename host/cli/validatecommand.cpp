#include "validatecommand.h"

#include "exitcode.h"

#include <pluginlocation.h>
#include <objcap/manifest.h>

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>

namespace objcap::cli {

using objcap::host::PluginLocation;

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
    const QString path = parser.positionalArguments().first();
    if (!QFileInfo::exists(path)) {
        std::fprintf(stderr, "objcap validate: %s: no such folder or package\nusage: objcap validate DIR|PKG\n",
                     qPrintable(path));
        return UsageError;
    }
    auto location = PluginLocation::resolve(path);
    if (!location) {
        std::fprintf(stderr, "%s\n", location.error().message.c_str());
        return PluginError;
    }
    const objcap::Manifest *manifest = &location.value()->manifest();
    std::printf("%s %s (%s): valid\n", manifest->id().c_str(), manifest->version().c_str(), manifest->name().c_str());
    for (const objcap::CapabilityRequest &c : manifest->capabilities())
        std::printf("  asks for %s%s: %s\n", c.name.c_str(), c.optional ? " (optional)" : "", c.reason.c_str());
    return Completed;
}

} // namespace objcap::cli
