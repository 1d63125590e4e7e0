#include "objcap/sandbox.h"

#include "sandboxthread.h"

namespace objcap {

Sandbox::Sandbox(std::shared_ptr<detail::SandboxThread> thread) : m_thread(std::move(thread)) {}

Sandbox::~Sandbox()
{
    m_thread->shutdown();
}

bool Sandbox::close()
{
    return m_thread->shutdown();
}

const std::string &Sandbox::name() const
{
    return m_thread->name();
}

std::future<Result<void>> Sandbox::exec(std::string source, std::string filename, RunOptions options)
{
    return m_thread->exec(std::move(source), std::move(filename), options);
}

std::future<Result<bool>> Sandbox::interact(std::string source, RunOptions options)
{
    return m_thread->interact(std::move(source), options);
}

std::future<Result<Value>> Sandbox::eval(std::string expression, RunOptions options)
{
    return m_thread->eval(std::move(expression), options);
}

std::future<Result<Value>> Sandbox::call(std::string function, Value::List arguments, RunOptions options,
                                         bool withContext, bool optional)
{
    return m_thread->call(std::move(function), std::move(arguments), options, withContext, optional);
}

void Sandbox::interrupt()
{
    m_thread->interrupt();
}

bool Sandbox::abandoned() const
{
    return m_thread->abandoned();
}

bool Sandbox::busy() const
{
    return m_thread->busy();
}

void Sandbox::grant(const std::string &name, std::shared_ptr<Capability> capability)
{
    m_thread->grants().grant(name, std::move(capability));
}

bool Sandbox::revoke(const std::string &name)
{
    return m_thread->grants().revoke(name);
}

std::vector<AuditRecord> Sandbox::auditLog() const
{
    return m_thread->auditLog().records();
}

std::uint64_t Sandbox::refusalCount() const
{
    return m_thread->auditLog().refusals();
}

} // namespace objcap
