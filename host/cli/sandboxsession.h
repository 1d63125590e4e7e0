#pragma once

#include <grantoption.h>

#include <objcap/runtime.h>

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <chrono>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace objcap::cli {

using objcap::host::GrantOption;

// What `exec` and `run` share: the options --timeout, --memory, --audit and --grant, a
// runtime with one sandbox holding the grants, serving timers, and the ending — the sandbox
// torn down first, then the audit log, the error and the exit code.
class SandboxSession {
public:
    explicit SandboxSession(QCommandLineParser &parser);

    // After parsing: the option values, or the usage error to report.
    std::optional<QString> configure(const QCommandLineParser &parser);
    // More grants, in --grant syntax (e.g. an installed plugin's from the registry); before start().
    std::optional<QString> addGrants(const QStringList &specs);
    // The runtime and the sandbox (for a plugin, with its package folder); an exit code on failure.
    std::optional<int> start(const std::string &name, const std::string &packageFolder = {},
                             const std::string &packageName = {});

    objcap::Sandbox &sandbox() { return *m_sandbox; }
    const objcap::RunOptions &runOptions() const { return m_run; }

    // How long past its time budget a call may run before it counts as stuck in native code
    // that ignores interrupts (as PluginInstance::stuckGrace).
    static constexpr std::chrono::milliseconds stuckGrace{1000};
    // The result of a call into the sandbox. One still running stuckGrace past its budget (it
    // may be unwinding through finalizers, which get a budget of their own) gets the sandbox
    // closed: within Sandbox::stopGrace the call either ends, and its own result counts, or
    // is abandoned as stuck in native code, and fails as over its time limit. Either way the
    // command ends instead of hanging.
    template <typename T>
    objcap::Result<T> await(std::future<objcap::Result<T>> call)
    {
        if (m_run.timeLimit.count() > 0 && call.wait_for(m_run.timeLimit + stuckGrace) != std::future_status::ready &&
            !m_sandbox->close())
            return stuckError();
        return call.get();
    }

    // Runs timer callbacks until none is pending, one fails (or is stuck), stopServing() is
    // called, or `seconds` (if > 0) have passed. Processes Qt events meanwhile.
    objcap::Result<void> serve(double seconds);
    // Ends serve() at its next turn (from an event it processes, say).
    void stopServing() { m_stopServing = true; }
    // Ends the sandbox and reports: the exit code for `result`.
    int finish(objcap::Result<void> result, const QString &what);

private:
    objcap::Error stuckError() const;

    QCommandLineOption m_timeout;
    QCommandLineOption m_memory;
    QCommandLineOption m_audit;
    QCommandLineOption m_grant;
    QString m_timeoutText, m_memoryText;
    bool m_printAudit = false;
    objcap::RunOptions m_run;
    std::uint64_t m_memoryBytes = 0;
    std::vector<GrantOption::Grant> m_grants;
    QStringList m_origins;  // all net grants become one capability over their origins
    std::unique_ptr<objcap::Runtime> m_runtime;
    std::unique_ptr<objcap::Sandbox> m_sandbox;
    std::mutex m_mutex;
    std::optional<objcap::Error> m_callbackError;  // the first one
    bool m_stopServing = false;
};

} // namespace objcap::cli
