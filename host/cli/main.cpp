// objcap — command-line tool: run code in a sandbox, and (later) develop and package plugins.
#include "benchcommand.h"
#include "consolecommand.h"
#include "execcommand.h"
#include "initcommand.h"
#include "packcommand.h"
#include "registrycommand.h"
#include "runcommand.h"
#include "testcommand.h"
#include "validatecommand.h"
#include "exitcode.h"

#include <objcap/runtime.h>
#include <versiontext.h>

#include <QCoreApplication>

#include <cstdio>

namespace {

constexpr const char *usageText =
    "usage: objcap <command> [arguments]\n"
    "\n"
    "commands:\n"
    "  exec [--timeout SECONDS] [--memory MiB] [--audit] [--grant CAPABILITY]... FILE.py\n"
    "                                        run FILE as top-level code in a fresh sandbox\n"
    "                                        (--time-limit is --timeout);\n"
    "                                        --grant files=DIR[:ro][:quota=SIZE] |\n"
    "                                        file=PATH[:ro] |\n"
    "                                        storage=PATH.sqlite | log | timers | net=ORIGIN\n"
    "                                        makes ctx.files, ctx.file, ctx.storage, ctx.log,\n"
    "                                        ctx.timers, ctx.net available;\n"
    "                                        --audit prints the sandbox's refusals at exit\n"
    "  init DIR [--id ID]                    scaffold a plugin: plugin.toml, main.py, tests/\n"
    "  pack DIR -o FILE.objcap               validate a plugin folder and zip it into a package\n"
    "  test DIR|PKG                          run the plugin's tests/test_*.py in its sandbox\n"
    "  run DIR|PKG|ID [--grant ...] [--for S]\n"
    "                                        load the plugin (an installed one: with its grants),\n"
    "                                        activate(ctx), serve its timers,\n"
    "                                        deactivate(); also --timeout, --memory, --audit\n"
    "  console DIR|PKG [--grant ...]         a Python prompt inside the plugin's sandbox: its entry\n"
    "                                        module loaded, ctx granted; history, multi-line input\n"
    "  validate DIR|PKG                      check a plugin folder or package (no plugin code runs)\n"
    "  install PKG|DIR                       install or update a plugin (disabled until granted)\n"
    "  uninstall ID [--purge]                remove a plugin (--purge: its data too)\n"
    "  list                                  the installed plugins, their state and grants\n"
    "  grant ID CAP[=SCOPE] / revoke ID CAP  give or take a capability the plugin asks for\n"
    "  enable ID / disable ID                switch a plugin on or off\n"
    "  bench [--json] [--quick]              measure sandbox costs against in-run baselines (a process\n"
    "                                        per plugin, unsandboxed Python, a direct call); --quick:\n"
    "                                        fewer samples (under a minute); --json: one JSON object;\n"
    "                                        --only GROUP,... runs some of sandbox, calls, compute,\n"
    "                                        parallel, interrupt, host\n"
    "  --version                             print the objcap and CPython versions\n"
    "  --help                                print this help\n"
    "\n"
    "exit codes: 0 completed, 1 plugin exception (or invalid plugin), 2 usage error,\n"
    "            3 stopped by a limit,\n"
    "            4 the runtime could not start\n";

// `objcap COMMAND --help`: the command's own usage line from the overview above.
int printCommandHelp(const QString &command)
{
    const QStringList lines = QString::fromLatin1(usageText).split(u'\n');
    bool found = false;
    for (int i = 0; i < lines.size(); ++i) {
        if (lines[i].startsWith(QStringLiteral("  ") + command + u' ') || lines[i] == QStringLiteral("  ") + command ||
            lines[i].contains(QStringLiteral(" / ") + command + u' ')) {
            std::printf("usage: objcap%s\n", qPrintable(lines[i].mid(1)));
            for (int j = i + 1; j < lines.size() && lines[j].startsWith(QStringLiteral("    ")); ++j)
                std::printf("%s\n", qPrintable(lines[j]));
            found = true;
        }
    }
    if (!found)
        std::fputs(usageText, stdout);
    return objcap::cli::Completed;
}

int printVersion()
{
    auto runtime = objcap::Runtime::start();
    if (!runtime) {
        std::fprintf(stderr, "objcap %s\nobjcap: %s\n", objcap::Runtime::version(), runtime.error().message.c_str());
        return objcap::cli::RuntimeFailure;
    }
    std::fputs(qPrintable(objcap::host::VersionText::forRuntime(QStringLiteral("objcap"), runtime.value()->info())),
               stdout);
    return objcap::cli::Completed;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("objcap"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("objcap.org"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(objcap::Runtime::version()));

    const QStringList args = QCoreApplication::arguments();
    const QString command = args.value(1);
    if (command == QLatin1String("--version") || command == QLatin1String("-V"))
        return args.size() == 2 ? printVersion() : (std::fputs(usageText, stderr), objcap::cli::UsageError);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        std::fputs(usageText, stdout);
        return objcap::cli::Completed;
    }
    if (!command.startsWith(u'-') && (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))))
        return printCommandHelp(command);
    if (command == QLatin1String("exec"))
        return objcap::cli::ExecCommand::run(args.mid(1));
    if (command == QLatin1String("init"))
        return objcap::cli::InitCommand::run(args.mid(1));
    if (objcap::cli::RegistryCommand::handles(command))
        return objcap::cli::RegistryCommand::run(command, args.mid(1));
    if (command == QLatin1String("pack"))
        return objcap::cli::PackCommand::run(args.mid(1));
    if (command == QLatin1String("test"))
        return objcap::cli::TestCommand::run(args.mid(1));
    if (command == QLatin1String("console"))
        return objcap::cli::ConsoleCommand::run(args.mid(1));
    if (command == QLatin1String("run"))
        return objcap::cli::RunCommand::run(args.mid(1));
    if (command == QLatin1String("bench"))
        return objcap::cli::BenchCommand::run(args.mid(1));
    if (command == QLatin1String("validate"))
        return objcap::cli::ValidateCommand::run(args.mid(1));
    if (command.isEmpty())
        std::fputs("objcap: no command given\n", stderr);
    else
        std::fprintf(stderr, "objcap: unknown command or option '%s'\n", qPrintable(command));
    std::fputs(usageText, stderr);
    return objcap::cli::UsageError;
}
