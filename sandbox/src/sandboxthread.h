#pragma once

#include "auditlog.h"
#include "granttable.h"
#include "objcap/sandbox.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace objcap::py { class SubInterpreter; }

namespace objcap::detail {

class Watchdog;

// The OS thread that owns one sub-interpreter: creates it, runs queued calls in it one at a
// time, and ends it. Shared by the Sandbox handle, the Runtime (which shuts down every thread
// still running before it finalises CPython) and the thread itself, which keeps the object
// alive while it runs, so it may even be released from inside one of its own calls.
class SandboxThread : public std::enable_shared_from_this<SandboxThread> {
public:
    static Result<std::shared_ptr<SandboxThread>> start(SandboxOptions options, Watchdog &watchdog);
    ~SandboxThread();

    const std::string &name() const { return m_name; }
    std::future<Result<void>> exec(std::string source, std::string filename, RunOptions options);
    std::future<Result<Value>> eval(std::string expression, RunOptions options);
    std::future<Result<bool>> interact(std::string source, RunOptions options);
    std::future<Result<Value>> call(std::string function, Value::List arguments, RunOptions options, bool withContext,
                                    bool optional);
    void interrupt();
    bool busy();

    // Plugin callables handed to the host (see SandboxCallback).
    bool postCallback(std::uint64_t id, Value::List arguments);
    void releaseCallback(std::uint64_t id);
    const AuditLog &auditLog() const { return m_auditLog; }
    GrantTable &grants() { return m_grants; }

    // Interrupts the running call, fails the queued ones with ErrorCode::Closed, ends the
    // interpreter and joins the thread. Idempotent and safe from several threads. Returns
    // false if the thread did not finish within `patience` (a native loop that ignores
    // interrupts): it is then left running, detached. From the sandbox's own thread it only
    // asks the thread to stop after the current call.
    bool shutdown(std::chrono::milliseconds patience = std::chrono::seconds(10));

private:
    using Task = std::function<void(py::SubInterpreter *)>;  // null interpreter: closed
    SandboxThread(SandboxOptions options, Watchdog &watchdog);
    void run(std::promise<Result<void>> &ready);
    void markFinished();
    template <typename T, typename Body> std::future<Result<T>> submit(Body body);

    std::string m_name;
    OutputSink m_output;
    std::chrono::milliseconds m_callbackTimeLimit;
    std::uint64_t m_memoryLimit;
    std::string m_packageFolder;
    std::string m_packageName;
    std::function<void(const Error &)> m_onCallbackError;
    std::shared_ptr<const SandboxPolicy> m_policy;
    AuditLog m_auditLog;
    GrantTable m_grants;
    Watchdog &m_watchdog;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Task> m_queue;
    bool m_stopping = false;
    bool m_finished = false;
    py::SubInterpreter *m_interp = nullptr;  // owned by the thread's stack; valid while it runs
    std::mutex m_interpMutex;                // guards m_interp for interrupt()
    std::thread m_thread;
    std::thread::id m_threadId;
};

} // namespace objcap::detail
