#include "execcommand.h"

#include "exitcode.h"
#include "sandboxsession.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace objcap::cli {

namespace {

int usage(const QString &message)
{
    std::fprintf(stderr,
                 "objcap exec: %s\nusage: objcap exec [--timeout SECONDS] [--memory MiB] [--audit] "
                 "[--grant CAPABILITY]... FILE.py\n",
                 qPrintable(message));
    return UsageError;
}

} // namespace

int ExecCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    SandboxSession session(parser);
    parser.addPositionalArgument(QStringLiteral("FILE.py"), QStringLiteral("Script to run in a sandbox."));
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return usage(files.isEmpty() ? QStringLiteral("no script given") : QStringLiteral("exactly one script expected"));
    if (auto problem = session.configure(parser))
        return usage(*problem);

    const QString path = files.first();
    const QFileInfo info(path);
    if (!info.exists())
        return usage(QStringLiteral("%1: no such file").arg(path));
    if (info.isDir())
        return usage(QStringLiteral("%1: is a directory, expected a Python file").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return usage(QStringLiteral("%1: %2").arg(path, file.errorString()));
    const QByteArray source = file.readAll();

    if (auto failed = session.start("exec"))
        return *failed;
    objcap::Result<void> result = session.await(session.sandbox().exec(source.toStdString(), path.toStdString(), session.runOptions()));
    if (result)
        result = session.serve(0);  // timers keep the script alive until none is pending
    return session.finish(std::move(result), path);
}

} // namespace objcap::cli
