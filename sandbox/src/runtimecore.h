#pragma once

#include "objcap/runtime.h"
#include "watchdog.h"

#include <memory>
#include <mutex>
#include <vector>

namespace objcap::py { class PythonRuntime; }

namespace objcap::detail {

class SandboxThread;

// What a Runtime owns: CPython itself, the watchdog, and a list of the sandbox threads it
// must end before finalising CPython.
class RuntimeCore {
public:
    RuntimeCore(std::unique_ptr<py::PythonRuntime> python, RuntimeInfo info);
    ~RuntimeCore();

    const RuntimeInfo &info() const { return m_info; }
    py::PythonRuntime &python() { return *m_python; }
    Watchdog &watchdog() { return m_watchdog; }
    void track(const std::shared_ptr<SandboxThread> &thread);

private:
    std::unique_ptr<py::PythonRuntime> m_python;
    RuntimeInfo m_info;
    Watchdog m_watchdog;
    std::mutex m_mutex;
    std::vector<std::weak_ptr<SandboxThread>> m_threads;
};

} // namespace objcap::detail
