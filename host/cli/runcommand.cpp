#include "runcommand.h"

#include "exitcode.h"
#include "pluginlocation.h"
#include "sandboxsession.h"

#include <objcap/manifest.h>

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace objcap::cli {

namespace {

int usage(const QString &message)
{
    std::fprintf(stderr,
                 "objcap run: %s\nusage: objcap run DIR [--grant CAPABILITY]... [--for SECONDS] [--timeout SECONDS] "
                 "[--memory MiB] [--audit]\n",
                 qPrintable(message));
    return UsageError;
}

} // namespace

int RunCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    SandboxSession session(parser);
    QCommandLineOption forOption(QStringLiteral("for"), QStringLiteral("Serve the plugin's timers for SECONDS."),
                                 QStringLiteral("SECONDS"));
    parser.addOption(forOption);
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("The plugin folder (with plugin.toml)."));
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("exactly one plugin folder expected"));
    if (auto problem = session.configure(parser))
        return usage(*problem);
    double seconds = 0;
    if (parser.isSet(forOption)) {
        bool ok = false;
        seconds = parser.value(forOption).toDouble(&ok);
        if (!ok || seconds <= 0)
            return usage(QStringLiteral("--for needs a positive number of seconds, not '%1'").arg(parser.value(forOption)));
    }
    if (!QFileInfo::exists(parser.positionalArguments().first()))
        return usage(QStringLiteral("%1: no such folder or package").arg(parser.positionalArguments().first()));
    auto location = PluginLocation::resolve(parser.positionalArguments().first());
    if (!location) {
        std::fprintf(stderr, "%s\n", location.error().message.c_str());
        return PluginError;
    }
    const QString folder = location.value()->folder();
    auto manifest = objcap::Manifest::load(folder.toStdString());
    if (!manifest) {
        std::fprintf(stderr, "%s\n", manifest.error().message.c_str());
        return PluginError;
    }
    QFile entry(QDir(folder).filePath(QString::fromStdString(manifest->entry())));
    if (!entry.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "objcap run: cannot read %s: %s\n", manifest->entry().c_str(), qPrintable(entry.errorString()));
        return PluginError;
    }
    const QByteArray source = entry.readAll();

    if (auto failed = session.start(manifest->id(), folder.toStdString(), manifest->id()))
        return *failed;
    objcap::Sandbox &sandbox = session.sandbox();
    const std::string filename = manifest->id() + "/" + manifest->entry();
    objcap::Result<void> result = sandbox.exec(source.toStdString(), filename, session.runOptions()).get();
    if (result) {
        auto activated = sandbox.call("activate", {}, session.runOptions(), /*withContext=*/true).get();
        result = activated ? objcap::Result<void>() : objcap::Result<void>(activated.error());
    }
    if (result)
        result = session.serve(seconds);
    if (result) {
        auto deactivated = sandbox.call("deactivate", {}, session.runOptions(), false, /*optional=*/true).get();
        result = deactivated ? objcap::Result<void>() : objcap::Result<void>(deactivated.error());
    }
    return session.finish(std::move(result), QString::fromStdString(manifest->id()));
}

} // namespace objcap::cli
