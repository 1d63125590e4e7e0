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
//
// A thread that does not end within its grace (a native loop that ignores interrupts) is
// abandoned: detached, its grants closed, its pending futures failed, its output and error
// callbacks cut off from the host. It keeps this object and the watchdog alive itself; if
// the native call ever returns, it leaves the interpreter as it is (never ended: no plugin
// finalizer runs) and exits.
class SandboxThread : public std::enable_shared_from_this<SandboxThread> {
public:
    using Clock = std::chrono::steady_clock;
    // What ending a sandbox whose teardown has begun may take: its finalizers' budget (2 s,
    // see SubInterpreter) and the grace a call gets to notice its interrupt.
    static constexpr std::chrono::milliseconds teardownPatience{3000};
    // How long an idle sandbox thread stays awake for the next call before it sleeps.
    static constexpr std::chrono::microseconds spinBeforeSleep{100};

    // `abandoned` counts the runtime's abandoned threads; shared so it outlives the runtime.
    static Result<std::shared_ptr<SandboxThread>> start(SandboxOptions options, std::shared_ptr<Watchdog> watchdog,
                                                        std::shared_ptr<std::atomic<int>> abandoned);
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
    // interpreter and joins the thread. Idempotent and safe from several threads. If the
    // running call has not ended by `callDeadline` (or a begun teardown within
    // teardownPatience), the thread is abandoned and this returns false. From the sandbox's
    // own thread it only asks the thread to stop after the current call.
    bool shutdown(Clock::time_point callDeadline);
    bool shutdown() { return shutdown(Clock::now() + Sandbox::stopGrace); }
    // Asks the thread to stop and interrupts its call, without waiting: several sandboxes can
    // then be shut down against one deadline.
    void requestStop();
    bool abandoned() const { return m_abandoned.load(); }

private:
    struct Task {
        std::function<void(py::SubInterpreter *)> run;  // null interpreter: closed
        std::function<void()> abandon;                  // fails its future at once, if it has one
    };
    enum class Phase { Serving, TearingDown, Finished };
    SandboxThread(SandboxOptions options, std::shared_ptr<Watchdog> watchdog, std::shared_ptr<std::atomic<int>> abandoned);
    void run(std::promise<Result<void>> &ready);
    void markFinished();
    void abandon(std::unique_lock<std::mutex> &lock);
    void output(Stream stream, std::string_view text);
    void reportCallbackError(const Error &error);
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
    std::shared_ptr<Watchdog> m_watchdog;
    std::shared_ptr<std::atomic<int>> m_abandonedCount;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Task> m_queue;
    std::function<void()> m_abandonCurrent;  // of the task running now
    bool m_stopping = false;
    Phase m_phase = Phase::Serving;
    Clock::time_point m_teardownStart;
    std::atomic<bool> m_abandoned{false};
    std::mutex m_hostMutex;  // held while plugin output or an error reaches the host
    bool m_hostOpen = true;
    py::SubInterpreter *m_interp = nullptr;  // owned by the thread's stack; valid while it runs
    std::mutex m_interpMutex;                // guards m_interp for interrupt()
    std::thread m_thread;
    std::thread::id m_threadId;
};

} // namespace objcap::detail
