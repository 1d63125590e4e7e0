#pragma once

#include <grantoption.h>

#include <objcap/runtime.h>

#include <QCommandLineOption>
#include <QCommandLineParser>

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
    // Runs timer callbacks until none is pending, one fails, or `seconds` (if > 0) have passed.
    objcap::Result<void> serve(double seconds);
    // Ends the sandbox and reports: the exit code for `result`.
    int finish(objcap::Result<void> result, const QString &what);

private:
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
};

} // namespace objcap::cli
