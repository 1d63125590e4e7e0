#pragma once

#include "objcap/runtime.h"
#include "watchdog.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace objcap::py { class PythonRuntime; }

namespace objcap::detail {

class SandboxThread;

// What a Runtime owns: CPython itself, the watchdog, and a list of the sandbox threads it
// must end before finalising CPython. Once a thread has been abandoned (stuck in native code
// in its interpreter), CPython is never finalised: the OS reclaims it with the process.
class RuntimeCore {
public:
    RuntimeCore(std::unique_ptr<py::PythonRuntime> python, RuntimeInfo info);
    ~RuntimeCore();

    const RuntimeInfo &info() const { return m_info; }
    py::PythonRuntime &python() { return *m_python; }
    // Shared with every sandbox thread, which may outlive the runtime if it is abandoned.
    const std::shared_ptr<Watchdog> &watchdog() const { return m_watchdog; }
    const std::shared_ptr<std::atomic<int>> &abandoned() const { return m_abandoned; }
    void track(const std::shared_ptr<SandboxThread> &thread);

private:
    std::unique_ptr<py::PythonRuntime> m_python;
    RuntimeInfo m_info;
    std::shared_ptr<Watchdog> m_watchdog = std::make_shared<Watchdog>();
    std::shared_ptr<std::atomic<int>> m_abandoned = std::make_shared<std::atomic<int>>(0);
    std::mutex m_mutex;
    std::vector<std::weak_ptr<SandboxThread>> m_threads;
};

} // namespace objcap::detail
