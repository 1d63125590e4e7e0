#include "sandboxsession.h"

#include "exitcode.h"

#include <netcapability.h>

#include <QCoreApplication>
#include <QDateTime>

#include <chrono>
#include <cstdio>
#include <thread>

namespace objcap::cli {

namespace {

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
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(r.time.time_since_epoch()).count();
        const QString time = QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODateWithMs);
        std::fprintf(stderr, "  %s refused %s: %s\n", qPrintable(time), r.event.c_str(), r.detail.c_str());
    }
}

} // namespace

SandboxSession::SandboxSession(QCommandLineParser &parser)
    : m_timeout(QStringList{QStringLiteral("timeout"), QStringLiteral("time-limit")},
                QStringLiteral("Stop each call into the plugin after SECONDS."), QStringLiteral("SECONDS"))
    , m_memory(QStringLiteral("memory"), QStringLiteral("Limit the sandbox's memory to MiB."), QStringLiteral("MiB"))
    , m_audit(QStringLiteral("audit"), QStringLiteral("Print the sandbox's refusals at exit."))
    , m_grant(QStringLiteral("grant"),
              QStringLiteral("Grant a capability: files=DIR[:ro][:quota=SIZE], file=PATH[:ro], storage=PATH.sqlite, log, timers, "
                             "net=ORIGIN."),
              QStringLiteral("CAPABILITY"))
{
    parser.addOptions({m_timeout, m_memory, m_audit, m_grant});
}

std::optional<QString> SandboxSession::configure(const QCommandLineParser &parser)
{
    m_printAudit = parser.isSet(m_audit);
    if (parser.isSet(m_timeout)) {
        m_timeoutText = parser.value(m_timeout);
        bool ok = false;
        const double seconds = m_timeoutText.toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 1e6)
            return QStringLiteral("--time-limit needs a positive number of seconds, not '%1'").arg(m_timeoutText);
        m_run.timeLimit = std::max(std::chrono::milliseconds(1),
                                   std::chrono::milliseconds(static_cast<long long>(seconds * 1000 + 0.5)));
    }
    if (parser.isSet(m_memory)) {
        m_memoryText = parser.value(m_memory);
        bool ok = false;
        const double mib = m_memoryText.toDouble(&ok);
        if (!ok || mib < 8 || mib > 1024 * 1024)
            return QStringLiteral("--memory needs a number of MiB from 8 up, not '%1'").arg(m_memoryText);
        m_memoryBytes = static_cast<std::uint64_t>(mib * 1024 * 1024);
    }
    return addGrants(parser.values(m_grant));
}

std::optional<QString> SandboxSession::addGrants(const QStringList &specs)
{
    for (const QString &spec : specs) {
        auto grant = GrantOption::parse(spec, &log);
        if (!grant)
            return QString::fromStdString(grant.error().message);
        if (grant->name == "net")
            m_origins << grant->value;
        else
            m_grants.push_back(std::move(grant).value());
    }
    return std::nullopt;
}

std::optional<int> SandboxSession::start(const std::string &name, const std::string &packageFolder,
                                         const std::string &packageName)
{
    auto runtime = objcap::Runtime::start();
    if (!runtime) {
        std::fprintf(stderr, "objcap: %s\n", runtime.error().message.c_str());
        return RuntimeFailure;
    }
    m_runtime = std::move(runtime).value();
    objcap::SandboxOptions options;
    options.name = name;
    options.output = &forward;
    options.callbackTimeLimit = m_run.timeLimit;
    options.memoryLimit = m_memoryBytes;
    options.packageFolder = packageFolder;
    options.packageName = packageName;
    options.onCallbackError = [this](const objcap::Error &error) {
        std::lock_guard lock(m_mutex);
        if (!m_callbackError)
            m_callbackError = error;
    };
    auto sandbox = m_runtime->createSandbox(std::move(options));
    if (!sandbox) {
        std::fprintf(stderr, "objcap: %s\n", sandbox.error().message.c_str());
        return RuntimeFailure;
    }
    m_sandbox = std::move(sandbox).value();
    if (!m_origins.isEmpty())
        m_grants.push_back({"net", objcap::host::NetCapability::create(m_origins).value(), m_origins.join(u',')});
    for (const GrantOption::Grant &grant : m_grants)
        m_sandbox->grant(grant.name, grant.capability);
    return std::nullopt;
}

objcap::Error SandboxSession::stuckError() const
{
    objcap::Error error = objcap::Error::make(
        objcap::ErrorCode::LimitExceeded, "time limit exceeded: still running past it, stuck in native code that ignores interrupts");
    error.exceptionType = "objcap.LimitExceeded";
    return error;
}

objcap::Result<void> SandboxSession::serve(double seconds)
{
    std::shared_ptr<objcap::Capability> timers;
    for (const GrantOption::Grant &grant : m_grants)
        timers = grant.name == "timers" ? grant.capability : timers;
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    std::chrono::steady_clock::time_point busySince{};  // of the callback running now; epoch: idle
    for (;;) {
        {
            std::lock_guard lock(m_mutex);
            if (m_callbackError)
                return *m_callbackError;
        }
        if (m_stopServing)
            break;
        if (seconds > 0 ? std::chrono::steady_clock::now() >= until : true) {
            auto pending = timers && !timers->revoked() ? timers->attribute("pending") : objcap::Result<objcap::Value>(objcap::Value(0));
            if (seconds > 0 || !pending || pending->as<std::int64_t>() == 0)
                break;
        }
        // A callback busy stuckGrace past its budget is stuck (long-running callbacks are
        // interrupted at the budget; consecutive short ones are seen as idle between them).
        const auto now = std::chrono::steady_clock::now();
        if (!m_sandbox->busy())
            busySince = {};
        else if (busySince == std::chrono::steady_clock::time_point{})
            busySince = now;
        else if (m_run.timeLimit.count() > 0 && now - busySince > m_run.timeLimit + stuckGrace) {
            // As in await(): the callback ends within the grace (its error is reported), or
            // the sandbox is abandoned.
            if (m_sandbox->close()) {
                std::lock_guard lock(m_mutex);
                if (m_callbackError)
                    return *m_callbackError;
            }
            return stuckError();
        }
        QCoreApplication::processEvents();  // e.g. a RegistryWatcher's
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (objcap::Result<objcap::Value> drained = await(m_sandbox->eval("None")); !drained) {  // queued callbacks run first
        if (drained.error().code == objcap::ErrorCode::LimitExceeded)
            return drained.error();
    }
    std::lock_guard lock(m_mutex);
    if (m_callbackError)
        return *m_callbackError;
    return {};
}

int SandboxSession::finish(objcap::Result<void> result, const QString &what)
{
    // End the sandbox first: what its finalizers print comes before the verdict.
    const std::vector<objcap::AuditRecord> audit = m_sandbox->auditLog();
    const std::uint64_t refusals = m_sandbox->refusalCount();
    m_sandbox.reset();
    std::fflush(stdout);
    if (m_printAudit)
        printAudit(audit, refusals);
    if (result)
        return Completed;
    const objcap::Error &error = result.error();
    std::fputs(error.traceback.empty() ? (error.message + "\n").c_str() : error.traceback.c_str(), stderr);
    switch (error.code) {
    case objcap::ErrorCode::LimitExceeded:
        if (error.exceptionType == "objcap.LimitExceeded")
            std::fprintf(stderr, "objcap: %s stopped: time limit of %s s exceeded\n", qPrintable(what),
                         qPrintable(m_timeoutText));
        else
            std::fprintf(stderr, "objcap: %s stopped: memory limit of %s MiB exceeded\n", qPrintable(what),
                         qPrintable(m_memoryText));
        return LimitStopped;
    case objcap::ErrorCode::PluginException:
    case objcap::ErrorCode::Interrupted:
        return PluginError;
    default:
        return RuntimeFailure;
    }
}

} // namespace objcap::cli
