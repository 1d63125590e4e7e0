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
    bool allEnded = true;
    for (auto &weak : threads) {
        if (auto thread = weak.lock())
            allEnded = thread->shutdown() && allEnded;
    }
    if (allEnded)
        m_python.reset();  // finalise only after every sub-interpreter has ended
    else
        (void)m_python.release();  // a stuck sandbox still runs CPython code: leave it be
}

void RuntimeCore::track(const std::shared_ptr<SandboxThread> &thread)
{
    std::lock_guard lock(m_mutex);
    std::erase_if(m_threads, [](const std::weak_ptr<SandboxThread> &w) { return w.expired(); });
    m_threads.push_back(thread);
}

} // namespace objcap::detail
