#include "objcap/runtime.h"

#include "objcap/version.h"
#include "py/pythonruntime.h"
#include "runtimecore.h"
#include "sandboxthread.h"

namespace objcap {

Runtime::Runtime(std::unique_ptr<detail::RuntimeCore> core) : m_core(std::move(core)) {}

Runtime::~Runtime() = default;

Result<std::unique_ptr<Runtime>> Runtime::start(const RuntimeOptions &options)
{
    RuntimeInfo info;
    info.objcapVersion = version();
    auto python = py::PythonRuntime::initialize(options, info);
    if (!python)
        return python.error();
    auto core = std::make_unique<detail::RuntimeCore>(std::move(python).value(), std::move(info));
    return std::unique_ptr<Runtime>(new Runtime(std::move(core)));
}

const RuntimeInfo &Runtime::info() const
{
    return m_core->info();
}

Result<std::unique_ptr<Sandbox>> Runtime::createSandbox(SandboxOptions options)
{
    auto thread = detail::SandboxThread::start(std::move(options), m_core->watchdog(), m_core->abandoned());
    if (!thread)
        return thread.error();
    m_core->track(thread.value());
    return std::unique_ptr<Sandbox>(new Sandbox(std::move(thread).value()));
}

int Runtime::interpreterCount() const
{
    return m_core->python().interpreterCount();
}

int Runtime::abandonedCount() const
{
    return m_core->abandoned()->load();
}

int Runtime::requiredPatchLevel()
{
    return OBJCAP_REQUIRED_PATCH_LEVEL;
}

const char *Runtime::version()
{
    return OBJCAP_VERSION;
}

} // namespace objcap
