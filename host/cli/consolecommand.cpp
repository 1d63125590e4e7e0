#include "consolecommand.h"

#include "exitcode.h"
#include "interruptkey.h"
#include "lineeditor.h"
#include "sandboxsession.h"

#include <pluginlocation.h>
#include <objcap/manifest.h>
#include <objcap/runtime.h>

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <cstdio>
#include <mutex>

namespace objcap::cli {

using objcap::host::PluginLocation;

namespace {

int usage(const QString &message)
{
    std::fprintf(stderr,
                 "objcap console: %s\nusage: objcap console DIR|PKG [--grant CAPABILITY]... [--timeout SECONDS] "
                 "[--memory MiB] [--audit]\n",
                 qPrintable(message));
    return UsageError;
}

void report(const objcap::Error &error)
{
    std::fflush(stdout);
    std::fputs(error.traceback.empty() ? (error.message + "\n").c_str() : error.traceback.c_str(), stderr);
}

} // namespace

int ConsoleCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    SandboxSession session(parser);
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("The plugin folder or package."));
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("exactly one plugin folder or package expected"));
    if (auto problem = session.configure(parser))
        return usage(*problem);
    const QString target = parser.positionalArguments().first();
    if (!QFileInfo::exists(target))
        return usage(QStringLiteral("%1: no such folder or package").arg(target));
    auto location = PluginLocation::resolve(target);
    if (!location) {
        std::fprintf(stderr, "%s\n", location.error().message.c_str());
        return PluginError;
    }
    const QString folder = location.value()->folder();
    const objcap::Manifest *manifest = &location.value()->manifest();
    QFile entry(QDir(folder).filePath(QString::fromStdString(manifest->entry())));
    if (!entry.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "objcap console: cannot read %s: %s\n", manifest->entry().c_str(),
                     qPrintable(entry.errorString()));
        return PluginError;
    }
    // Before the sandbox's threads start, so that all of them leave SIGINT to this one.
    std::mutex mutex;
    objcap::Sandbox *running = nullptr;  // guarded by mutex: cleared before the sandbox ends
    InterruptKey ctrlC([&] {
        std::lock_guard lock(mutex);
        if (running && running->busy())
            running->interrupt();
    });
    const auto stopInterrupting = [&] {
        std::lock_guard lock(mutex);
        running = nullptr;
    };
    if (auto failed = session.start(manifest->id(), folder.toStdString(), manifest->id()))
        return *failed;
    objcap::Sandbox &sandbox = session.sandbox();
    {
        std::lock_guard lock(mutex);
        running = &sandbox;
    }
    // The entry module's names are the console's globals; a plugin that fails to load still
    // gets a console, to look into why.
    if (auto loaded = sandbox.exec(entry.readAll().toStdString(), manifest->id() + "/" + manifest->entry(),
                                   session.runOptions()).get();
        !loaded)
        report(loaded.error());

    LineEditor editor(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                      QStringLiteral("/console_history"));
    if (editor.interactive())
        std::printf("objcap %s console: %s %s in its sandbox; ctx holds the grants. Ctrl-D ends.\n",
                    objcap::Runtime::version(), manifest->id().c_str(), manifest->version().c_str());
    QString buffer;
    for (;;) {
        std::fflush(stdout);
        const std::optional<QString> line = editor.readLine(buffer.isEmpty() ? ">>> " : "... ");
        if (!line)
            break;
        buffer += buffer.isEmpty() ? *line : u'\n' + *line;
        auto done = sandbox.interact(buffer.toStdString() + (line->isEmpty() ? "\n" : ""), session.runOptions()).get();
        if (done && !done.value())
            continue;  // an incomplete statement: read on
        editor.remember(buffer);
        buffer.clear();
        if (!done) {
            report(done.error());
            if (done.error().code == objcap::ErrorCode::Closed || done.error().code == objcap::ErrorCode::Runtime) {
                stopInterrupting();
                return session.finish(objcap::Result<void>(done.error()), QString::fromStdString(manifest->id()));
            }
        }
    }
    if (editor.interactive())
        std::printf("\n");
    stopInterrupting();
    return session.finish({}, QString::fromStdString(manifest->id()));
}

} // namespace objcap::cli
