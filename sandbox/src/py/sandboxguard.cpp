#include "sandboxguard.h"

namespace objcap::py {

namespace {

thread_local SandboxGuard *t_current = nullptr;

std::string shortened(std::string_view text)
{
    constexpr size_t limit = 200;
    return text.size() <= limit ? std::string(text) : std::string(text.substr(0, limit)) + "...";
}

} // namespace

SandboxGuard::SandboxGuard(std::string sandbox, const SandboxPolicy &policy, detail::AuditLog &log,
                           std::string stdlibRoot)
    : m_sandbox(std::move(sandbox)), m_policy(policy), m_log(log), m_stdlibRoot(std::move(stdlibRoot))
{
    if (m_stdlibRoot.empty() || m_stdlibRoot.back() != '/')
        m_stdlibRoot += '/';
}

SandboxGuard *SandboxGuard::current()
{
    return t_current;
}

void SandboxGuard::install()
{
    t_current = this;
}

void SandboxGuard::uninstall()
{
    if (t_current == this)
        t_current = nullptr;
}

bool SandboxGuard::underStdlib(std::string_view path) const
{
    if (path.substr(0, m_stdlibRoot.size()) != m_stdlibRoot)
        return false;
    // No climbing back out with "..".
    return path.find("/../") == std::string_view::npos && path.find("/./") == std::string_view::npos;
}

int SandboxGuard::refuse(PyObject *exceptionType, std::string_view event, std::string_view detail,
                         const std::string &message)
{
    m_log.record({std::chrono::system_clock::now(), m_sandbox, std::string(event), shortened(detail), false});
    PyErr_SetString(exceptionType, message.c_str());
    return -1;
}

int SandboxGuard::refuseEvent(std::string_view event, std::string_view detail)
{
    return refuse(m_refusalType ? m_refusalType : PyExc_PermissionError, event, detail,
                  "'" + std::string(event) + "' is not allowed in a sandbox");
}

void SandboxGuard::record(std::string_view event, std::string_view detail, bool allowed)
{
    m_log.record({std::chrono::system_clock::now(), m_sandbox, std::string(event), shortened(detail), allowed});
}

} // namespace objcap::py
