#include "execcommand.h"

#include "exitcode.h"
#include "grantoption.h"

#include <netcapability.h>

#include <objcap/runtime.h>

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <optional>
#include <thread>

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

void forward(objcap::Stream stream, std::string_view text)
{
    if (stream == objcap::Stream::Stderr) {
        std::fflush(stdout);  // keep the two streams in the order the plugin wrote them
        std::fwrite(text.data(), 1, text.size(), stderr);
    } else {
        std::fwrite(text.data(), 1, text.size(), stdout);
    }
}

void log(objcap::LogLevel level, std::string_view message)
{
    static const char *names[] = {"DEBUG", "INFO", "WARNING", "ERROR"};
    std::fflush(stdout);
    std::fprintf(stderr, "[%s] %.*s\n", names[static_cast<int>(level)], static_cast<int>(message.size()), message.data());
}

void printAudit(const std::vector<objcap::AuditRecord> &records, std::uint64_t refusals)
{
    std::fprintf(stderr, "objcap: audit: %llu refusal%s\n", static_cast<unsigned long long>(refusals),
                 refusals == 1 ? "" : "s");
    for (const objcap::AuditRecord &r : records) {
        if (r.allowed)
            continue;
        const QString time = QDateTime::fromMSecsSinceEpoch(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                                r.time.time_since_epoch())
                                                                .count())
                                 .toString(Qt::ISODateWithMs);
        std::fprintf(stderr, "  %s refused %s: %s\n", qPrintable(time), r.event.c_str(), r.detail.c_str());
    }
}

} // namespace

int ExecCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QCommandLineOption timeLimit(QStringList{QStringLiteral("timeout"), QStringLiteral("time-limit")},
                                 QStringLiteral("Stop the script after SECONDS."), QStringLiteral("SECONDS"));
    QCommandLineOption memoryLimit(QStringLiteral("memory"), QStringLiteral("Limit the sandbox's memory to MiB."),
                                   QStringLiteral("MiB"));
    parser.addOption(memoryLimit);
    parser.addOption(timeLimit);
    QCommandLineOption auditOption(QStringLiteral("audit"), QStringLiteral("Print the sandbox's refusals at exit."));
    parser.addOption(auditOption);
    QCommandLineOption grantOption(QStringLiteral("grant"),
                                   QStringLiteral("Grant a capability: files=DIR[:ro], file=PATH[:ro], storage=PATH.sqlite, "
                                                  "log, timers, net=ORIGIN."),
                                   QStringLiteral("CAPABILITY"));
    parser.addOption(grantOption);
    parser.addPositionalArgument(QStringLiteral("FILE.py"), QStringLiteral("Script to run in a sandbox."));
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return usage(files.isEmpty() ? QStringLiteral("no script given") : QStringLiteral("exactly one script expected"));

    objcap::RunOptions options;
    if (parser.isSet(timeLimit)) {
        bool ok = false;
        const double seconds = parser.value(timeLimit).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 1e6)
            return usage(QStringLiteral("--time-limit needs a positive number of seconds, not '%1'").arg(parser.value(timeLimit)));
        options.timeLimit = std::chrono::milliseconds(static_cast<long long>(seconds * 1000 + 0.5));
        if (options.timeLimit.count() == 0)
            options.timeLimit = std::chrono::milliseconds(1);
    }

    std::vector<GrantOption::Grant> grants;
    for (const QString &spec : parser.values(grantOption)) {
        auto grant = GrantOption::parse(spec, &log);
        if (!grant)
            return usage(QString::fromStdString(grant.error().message));
        grants.push_back(std::move(grant).value());
    }
    // All net grants become one capability over their origins.
    QStringList origins;
    for (const GrantOption::Grant &grant : grants) {
        if (grant.name == "net")
            origins << grant.value;
    }
    if (!origins.isEmpty()) {
        std::erase_if(grants, [](const GrantOption::Grant &g) { return g.name == "net"; });
        grants.push_back({"net", objcap::host::NetCapability::create(origins).value(), origins.join(u',')});
    }

    std::uint64_t memoryBytes = 0;
    if (parser.isSet(memoryLimit)) {
        bool ok = false;
        const double mib = parser.value(memoryLimit).toDouble(&ok);
        if (!ok || mib < 8 || mib > 1024 * 1024)
            return usage(QStringLiteral("--memory needs a number of MiB from 8 up, not '%1'").arg(parser.value(memoryLimit)));
        memoryBytes = static_cast<std::uint64_t>(mib * 1024 * 1024);
    }

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


    auto runtime = objcap::Runtime::start();
    if (!runtime) {
        std::fprintf(stderr, "objcap: %s\n", runtime.error().message.c_str());
        return RuntimeFailure;
    }
    objcap::SandboxOptions sandboxOptions;
    sandboxOptions.name = "exec";
    sandboxOptions.output = &forward;
    sandboxOptions.callbackTimeLimit = options.timeLimit;
    sandboxOptions.memoryLimit = memoryBytes;
    std::optional<objcap::Error> callbackError;  // the first; written on the sandbox thread
    std::mutex callbackMutex;
    sandboxOptions.onCallbackError = [&](const objcap::Error &error) {
        std::lock_guard lock(callbackMutex);
        if (!callbackError)
            callbackError = error;
    };
    auto sandbox = runtime.value()->createSandbox(std::move(sandboxOptions));
    if (!sandbox) {
        std::fprintf(stderr, "objcap: %s\n", sandbox.error().message.c_str());
        return RuntimeFailure;
    }
    const std::vector<GrantOption::Grant> grantsGiven = grants;
    for (GrantOption::Grant &grant : grants)
        sandbox.value()->grant(grant.name, std::move(grant.capability));
    objcap::Result<void> result = sandbox.value()->exec(source.toStdString(), path.toStdString(), options).get();
    // Timers keep the script alive: run until none is pending, a callback failed, or the
    // script failed.
    std::shared_ptr<objcap::Capability> timers;
    for (const GrantOption::Grant &grant : grantsGiven)
        timers = grant.name == "timers" ? grant.capability : timers;
    while (result && timers && !timers->revoked()) {
        {
            std::lock_guard lock(callbackMutex);
            if (callbackError)
                break;
        }
        auto pending = timers->attribute("pending");
        if (!pending || pending->as<std::int64_t>() == 0)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (result)
        result = sandbox.value()->eval("None").get().ok() ? objcap::Result<void>() : result;  // callbacks queued run
    {
        std::lock_guard lock(callbackMutex);
        if (result && callbackError)
            result = *callbackError;
    }
    // End the sandbox first: what its finalizers print comes before the verdict.
    const std::vector<objcap::AuditRecord> audit = sandbox.value()->auditLog();
    const std::uint64_t refusals = sandbox.value()->refusalCount();
    sandbox.value().reset();
    std::fflush(stdout);
    if (parser.isSet(auditOption))
        printAudit(audit, refusals);
    if (result)
        return Completed;
    const objcap::Error &error = result.error();
    std::fputs(error.traceback.empty() ? (error.message + "\n").c_str() : error.traceback.c_str(), stderr);
    switch (error.code) {
    case objcap::ErrorCode::LimitExceeded:
        if (error.exceptionType == "objcap.LimitExceeded")
            std::fprintf(stderr, "objcap: %s stopped: time limit of %s s exceeded\n", qPrintable(path),
                         qPrintable(parser.value(timeLimit)));
        else
            std::fprintf(stderr, "objcap: %s stopped: memory limit of %s MiB exceeded\n", qPrintable(path),
                         qPrintable(parser.value(memoryLimit)));
        return LimitStopped;
    case objcap::ErrorCode::PluginException:
    case objcap::ErrorCode::Interrupted:
        return PluginError;
    default:
        return RuntimeFailure;
    }
}

} // namespace objcap::cli
