#include "registrycommand.h"

#include "exitcode.h"

#include <objcap/bytesize.h>
#include <pluginregistry.h>

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>

namespace objcap::cli {

namespace {

const QStringList commands = {QStringLiteral("install"), QStringLiteral("uninstall"), QStringLiteral("list"),
                              QStringLiteral("grant"),   QStringLiteral("revoke"),    QStringLiteral("enable"),
                              QStringLiteral("disable")};

const char *usageOf(const QString &command)
{
    if (command == u"install")
        return "objcap install PKG|DIR";
    if (command == u"uninstall")
        return "objcap uninstall ID [--purge]   (--purge removes the plugin's data too)";
    if (command == u"list")
        return "objcap list";
    if (command == u"grant")
        return "objcap grant ID CAP[=SCOPE]     (files=DIR[:ro][:quota=SIZE], file=PATH[:ro], storage, log, timers, net=ORIGIN)";
    if (command == u"revoke")
        return "objcap revoke ID CAP";
    return command == u"enable" ? "objcap enable ID" : "objcap disable ID";
}

int usage(const QString &command, const QString &message)
{
    std::fprintf(stderr, "objcap %s: %s\nusage: %s\n", qPrintable(command), qPrintable(message), usageOf(command));
    return UsageError;
}

int report(const objcap::Result<void> &result)
{
    if (result)
        return Completed;
    std::fprintf(stderr, "%s\n", result.error().message.c_str());
    return PluginError;
}

// The scope stored for a grant; checked here so that the registry never holds a bad one.
std::optional<QString> scopeFor(const QString &capability, const QString &scope, QString &problem)
{
    if (capability == u"files" || capability == u"file") {
        QString path = scope;
        const bool readOnly = path.endsWith(QLatin1String(":ro"));
        if (readOnly)
            path.chop(3);
        QString quota;
        const qsizetype at = path.lastIndexOf(QLatin1String(":quota="));
        if (capability == u"files" && at >= 0) {
            quota = path.mid(at);
            path.truncate(at);
            const auto bytes = objcap::parseByteSize(quota.mid(7).toStdString());
            if (!bytes || *bytes == 0) {
                problem = QStringLiteral("quota must be a size like 5MiB, not '%1'").arg(quota.mid(7));
                return std::nullopt;
            }
        }
        const QFileInfo info(path);
        if (path.isEmpty() || (capability == u"files" ? !info.isDir() : (info.exists() && !info.isFile()))) {
            problem = QStringLiteral("%1 needs an existing %2: %1=PATH[:ro]").arg(capability, capability == u"files" ? QStringLiteral("folder") : QStringLiteral("file"));
            return std::nullopt;
        }
        return info.absoluteFilePath() + quota + (readOnly ? QStringLiteral(":ro") : QString());
    }
    if (capability == u"net") {
        if (!scope.startsWith(QLatin1String("http://")) && !scope.startsWith(QLatin1String("https://"))) {
            problem = QStringLiteral("net needs an origin: net=https://host[:port]");
            return std::nullopt;
        }
        return scope;
    }
    if (!scope.isEmpty()) {
        problem = QStringLiteral("%1 takes no scope").arg(capability);
        return std::nullopt;
    }
    return QString();
}

} // namespace

bool RegistryCommand::handles(const QString &command)
{
    return commands.contains(command);
}

int RegistryCommand::run(const QString &command, const QStringList &arguments)
{
    QCommandLineParser parser;
    QCommandLineOption purge(QStringLiteral("purge"), QStringLiteral("Remove the plugin's data too."));
    if (command == u"uninstall")
        parser.addOption(purge);
    parser.addHelpOption();
    if (!parser.parse(arguments))
        return usage(command, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("usage: %s\n", usageOf(command));
        return Completed;
    }
    const QStringList args = parser.positionalArguments();
    const int expected = command == u"list" ? 0 : (command == u"grant" || command == u"revoke") ? 2 : 1;
    if (args.size() != expected)
        return usage(command, QStringLiteral("%1 argument%2 expected").arg(expected).arg(expected == 1 ? "" : "s"));

    auto registry = objcap::host::PluginRegistry::open();
    if (!registry) {
        std::fprintf(stderr, "%s\n", registry.error().message.c_str());
        return RuntimeFailure;
    }
    objcap::host::PluginRegistry &r = registry.value();
    if (command == u"install") {
        auto installed = r.install(args[0]);
        if (!installed) {
            std::fprintf(stderr, "%s\n", installed.error().message.c_str());
            return PluginError;
        }
        std::printf("installed %s %s (%s)\n", qPrintable(installed->id), qPrintable(installed->version),
                    installed->enabled ? "enabled" : "disabled: grant what it asks for, then enable it");
        if (!installed->pendingApproval.isEmpty())
            std::printf("  the update asks for more: %s (not granted)\n", qPrintable(installed->pendingApproval.join(u", ")));
        return Completed;
    }
    if (command == u"uninstall")
        return report(r.uninstall(args[0], parser.isSet(purge)));
    if (command == u"list") {
        for (const auto &p : r.plugins()) {
            QStringList grants;
            for (auto it = p.grants.begin(); it != p.grants.end(); ++it)
                grants << (it.value().isEmpty() ? it.key() : it.key() + u'=' + it.value());
            std::printf("%s %s [%s] grants: %s\n", qPrintable(p.id), qPrintable(p.version),
                        p.enabled ? "enabled" : "disabled",
                        grants.isEmpty() ? "none" : qPrintable(grants.join(QStringLiteral(", "))));
        }
        return Completed;
    }
    if (command == u"grant") {
        const qsizetype eq = args[1].indexOf(u'=');
        const QString capability = eq < 0 ? args[1] : args[1].left(eq);
        QString problem;
        const auto scope = scopeFor(capability, eq < 0 ? QString() : args[1].mid(eq + 1), problem);
        if (!scope)
            return usage(command, problem);
        return report(r.grant(args[0], capability, *scope));
    }
    if (command == u"revoke")
        return report(r.revoke(args[0], args[1]));
    return report(r.setEnabled(args[0], command == u"enable"));
}

} // namespace objcap::cli
