#include "runtimecore.h"

#include "py/pythonruntime.h"
#include "sandboxthread.h"

namespace objcap::detail {

RuntimeCore::RuntimeCore(std::unique_ptr<py::PythonRuntime> python, RuntimeInfo info)
    : m_python(std::move(python)), m_info(std::move(info))
{
}

RuntimeCore::~RuntimeCore()
{
    std::vector<std::weak_ptr<SandboxThread>> threads;
    {
        std::lock_guard lock(m_mutex);
        threads.swap(m_threads);
    }
    std::vector<std::shared_ptr<SandboxThread>> alive;
    for (auto &weak : threads) {
        if (auto thread = weak.lock())
            alive.push_back(std::move(thread));
    }
    // Interrupt them all first, so that each gets the whole grace, not the grace left over.
    for (auto &thread : alive)
        thread->requestStop();
    const auto deadline = SandboxThread::Clock::now() + Sandbox::stopGrace;
    for (auto &thread : alive)
        thread->shutdown(deadline);
    if (m_abandoned->load() == 0)
        m_python.reset();  // finalise only after every sub-interpreter has ended
    else
        (void)m_python.release();  // an abandoned thread may still run in its interpreter: leave CPython be
}

void RuntimeCore::track(const std::shared_ptr<SandboxThread> &thread)
{
    std::lock_guard lock(m_mutex);
    std::erase_if(m_threads, [](const std::weak_ptr<SandboxThread> &w) { return w.expired(); });
    m_threads.push_back(thread);
}

} // namespace objcap::detail
