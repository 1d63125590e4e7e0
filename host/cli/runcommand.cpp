#include "runcommand.h"

#include "exitcode.h"
#include "sandboxsession.h"

#include <pluginlocation.h>
#include <objcap/manifest.h>
#include <pluginregistry.h>
#include <registrywatcher.h>

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <optional>

namespace objcap::cli {

using objcap::host::PluginLocation;

namespace {

int usage(const QString &message)
{
    std::fprintf(stderr,
                 "objcap run: %s\nusage: objcap run DIR|PKG|ID [--grant CAPABILITY]... [--for SECONDS] [--timeout SECONDS] "
                 "[--memory MiB] [--audit]\n",
                 qPrintable(message));
    return UsageError;
}

// An installed plugin's grants from the registry, in --grant syntax.
QStringList registryGrants(const objcap::host::PluginRegistry &registry, const objcap::host::PluginRegistry::Plugin &plugin,
                           const objcap::Manifest &manifest)
{
    QStringList specs;
    for (const QString &capability : plugin.grants.keys())
        specs << registry.grantSpec(plugin, manifest, capability);
    return specs;
}

// What another process does to the installed plugin reaches it while it runs: a revoked grant
// is revoked in its sandbox at once, and a disabled or uninstalled plugin is stopped
// (deactivate(), then exit).
void followRegistry(objcap::host::RegistryWatcher &watcher, const QString &id, SandboxSession &session)
{
    QObject::connect(&watcher, &objcap::host::RegistryWatcher::grantsRevoked, &watcher,
                     [id, &session](const QString &plugin, const QStringList &capabilities) {
                         if (plugin != id)
                             return;
                         for (const QString &capability : capabilities) {
                             if (session.sandbox().revoke(capability.toStdString()))
                                 std::fprintf(stderr, "objcap run: %s: %s revoked\n", qPrintable(id), qPrintable(capability));
                         }
                     });
    auto stop = [id, &session](const QString &plugin, const char *why) {
        if (plugin != id)
            return;
        std::fprintf(stderr, "objcap run: %s was %s; stopping it\n", qPrintable(id), why);
        session.stopServing();
    };
    QObject::connect(&watcher, &objcap::host::RegistryWatcher::disabled, &watcher,
                     [stop](const QString &plugin) { stop(plugin, "disabled"); });
    QObject::connect(&watcher, &objcap::host::RegistryWatcher::uninstalled, &watcher,
                     [stop](const QString &plugin) { stop(plugin, "uninstalled"); });
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
    // A folder or package on disk, else the ID of an installed plugin, run with its grants.
    const QString target = parser.positionalArguments().first();
    std::optional<objcap::host::PluginRegistry> registry;
    const objcap::host::PluginRegistry::Plugin *installed = nullptr;
    QString path = target;
    std::optional<objcap::host::RegistryWatcher> watcher;
    if (!QFileInfo::exists(target)) {
        if (target.contains(u'/') || target.endsWith(QLatin1String(".objcap")))
            return usage(QStringLiteral("%1: no such folder or package").arg(target));  // a path, not an ID
        // Before the registry is read, so that no later change is missed.
        watcher.emplace();
        auto opened = objcap::host::PluginRegistry::open();
        if (!opened) {
            std::fprintf(stderr, "objcap run: %s\n", opened.error().message.c_str());
            return PluginError;
        }
        registry = std::move(opened).value();
        installed = registry->find(target);
        if (!installed)
            return usage(QStringLiteral("%1: no such folder, package or installed plugin").arg(target));
        if (!installed->enabled) {
            std::fprintf(stderr, "objcap run: %s is disabled; grant what it asks for, then `objcap enable %s`\n",
                         qPrintable(target), qPrintable(target));
            return PluginError;
        }
        path = registry->codeFolder(target);
    }
    auto location = PluginLocation::resolve(path);
    if (!location) {
        std::fprintf(stderr, "%s\n", location.error().message.c_str());
        return PluginError;
    }
    const QString folder = location.value()->folder();
    const objcap::Manifest *manifest = &location.value()->manifest();
    if (installed) {
        if (auto problem = session.addGrants(registryGrants(*registry, *installed, *manifest))) {
            std::fprintf(stderr, "objcap run: the registry's grants for %s: %s\n", qPrintable(target), qPrintable(*problem));
            return PluginError;
        }
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
    if (watcher)
        followRegistry(*watcher, target, session);
    const std::string filename = manifest->id() + "/" + manifest->entry();
    objcap::Result<void> result = session.await(sandbox.exec(source.toStdString(), filename, session.runOptions()));
    if (result) {
        auto activated = session.await(sandbox.call("activate", {}, session.runOptions(), /*withContext=*/true));
        result = activated ? objcap::Result<void>() : objcap::Result<void>(activated.error());
    }
    if (result)
        result = session.serve(seconds);
    if (result) {
        auto deactivated = session.await(sandbox.call("deactivate", {}, session.runOptions(), false, /*optional=*/true));
        result = deactivated ? objcap::Result<void>() : objcap::Result<void>(deactivated.error());
    }
    return session.finish(std::move(result), QString::fromStdString(manifest->id()));
}

} // namespace objcap::cli
