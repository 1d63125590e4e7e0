#include "sandboxthread.h"

#include "py/subinterpreter.h"
#include "sandboxcallback.h"

#include <pthread.h>

#include <exception>
#include <optional>

namespace objcap::detail {

namespace {

Error closedError(const std::string &name)
{
    return Error::make(ErrorCode::Closed, "sandbox '" + name + "' has been shut down");
}

Error abandonedError(const std::string &name)
{
    return Error::make(ErrorCode::Closed, "sandbox '" + name +
                                              "' was abandoned: its call is stuck in native code that ignores interrupts");
}

} // namespace

SandboxThread::SandboxThread(SandboxOptions options, std::shared_ptr<Watchdog> watchdog,
                             std::shared_ptr<std::atomic<int>> abandoned)
    : m_name(std::move(options.name))
    , m_output(std::move(options.output))
    , m_callbackTimeLimit(options.callbackTimeLimit)
    , m_memoryLimit(options.memoryLimit)
    , m_packageFolder(std::move(options.packageFolder))
    , m_packageName(std::move(options.packageName))
    , m_onCallbackError(std::move(options.onCallbackError))
    , m_policy(options.policy ? std::move(options.policy)
                              : std::shared_ptr<const SandboxPolicy>(&SandboxPolicy::defaults(), [](auto *) {}))
    , m_auditLog(std::move(options.onAudit))
    , m_watchdog(std::move(watchdog))
    , m_abandonedCount(std::move(abandoned))
{
}

Result<std::shared_ptr<SandboxThread>> SandboxThread::start(SandboxOptions options, std::shared_ptr<Watchdog> watchdog,
                                                            std::shared_ptr<std::atomic<int>> abandoned)
{
    std::shared_ptr<SandboxThread> self(new SandboxThread(std::move(options), std::move(watchdog), std::move(abandoned)));
    auto ready = std::make_shared<std::promise<Result<void>>>();
    std::future<Result<void>> created = ready->get_future();
    {
        std::lock_guard lock(self->m_mutex);
        self->m_thread = std::thread([keep = self, ready] { keep->run(*ready); });
        self->m_threadId = self->m_thread.get_id();
    }
    // Linux limits thread names to 15 characters.
    pthread_setname_np(self->m_thread.native_handle(), ("py:" + self->m_name).substr(0, 15).c_str());
    Result<void> result = created.get();
    if (!result) {
        self->shutdown();
        return result.error();
    }
    return self;
}

SandboxThread::~SandboxThread()
{
    // Only reached once the thread has let go of its reference, i.e. it has finished or is
    // finishing on this very thread; nobody else can be shutting it down.
    if (m_thread.joinable()) {
        if (m_thread.get_id() == std::this_thread::get_id())
            m_thread.detach();
        else
            m_thread.join();
    }
}

void SandboxThread::run(std::promise<Result<void>> &ready)
{
    std::weak_ptr<SandboxThread> self = weak_from_this();
    auto makeCallback = [self](std::uint64_t id) -> Value::CallbackRef {
        return std::make_shared<SandboxCallback>(self, id);
    };
    // Output goes through this object, which an abandoned thread keeps alive, so that it can
    // be cut off from a host that has moved on.
    OutputSink sink = [this](Stream stream, std::string_view text) { output(stream, text); };
    auto created = py::SubInterpreter::create(
        {m_name, std::move(sink), *m_policy, m_auditLog, m_grants, makeCallback, m_memoryLimit, m_packageFolder,
         m_packageName},
        *m_watchdog);
    if (!created) {
        markFinished();
        ready.set_value(created.error());
        return;
    }
    std::unique_ptr<py::SubInterpreter> interp = std::move(created).value();
    {
        std::lock_guard lock(m_interpMutex);
        m_interp = interp.get();
    }
    ready.set_value({});

    for (;;) {
        Task task;
        {
            std::unique_lock lock(m_mutex);
            // A host calling in a loop (a game's on_tick) sends the next call within microseconds:
            // staying awake that long saves a wake-up from idle, often on another CPU, per call.
            for (const auto until = Clock::now() + spinBeforeSleep;
                 !m_stopping && m_queue.empty() && Clock::now() < until;) {
                lock.unlock();
                std::this_thread::yield();
                lock.lock();
            }
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                break;  // stopping, and nothing left to fail
            task = std::move(m_queue.front());
            m_queue.pop_front();
            if (m_stopping) {
                lock.unlock();
                task.run(nullptr);
                continue;
            }
            m_abandonCurrent = task.abandon;
        }
        task.run(interp.get());
        std::lock_guard lock(m_mutex);
        m_abandonCurrent = nullptr;
    }

    {
        std::lock_guard lock(m_interpMutex);
        m_interp = nullptr;
    }
    {
        std::lock_guard lock(m_mutex);
        if (m_abandoned) {
            // The stuck call has returned after all. The host has moved on and may be
            // finalising: leave the interpreter unended (ending it would run plugin
            // finalizers) and exit.
            (void)interp.release();
            m_phase = Phase::Finished;
            m_wake.notify_all();
            return;
        }
        m_phase = Phase::TearingDown;
        m_teardownStart = Clock::now();
    }
    interp.reset();  // ends the interpreter on the thread that owns it
    markFinished();
}

void SandboxThread::output(Stream stream, std::string_view text)
{
    std::lock_guard lock(m_hostMutex);
    if (m_hostOpen && m_output)
        m_output(stream, text);
}

void SandboxThread::reportCallbackError(const Error &error)
{
    std::lock_guard lock(m_hostMutex);
    if (m_hostOpen && m_onCallbackError)
        m_onCallbackError(error);
}

template <typename T, typename Body>
std::future<Result<T>> SandboxThread::submit(Body body)
{
    // Settled once: by the call, or earlier by abandonment (then the call's own result is dropped).
    struct Outcome {
        std::promise<Result<T>> promise;
        std::once_flag settled;
        void settle(Result<T> result)
        {
            std::call_once(settled, [&] { promise.set_value(std::move(result)); });
        }
    };
    auto outcome = std::make_shared<Outcome>();
    std::future<Result<T>> future = outcome->promise.get_future();
    Task task;
    task.run = [outcome, body = std::move(body), name = m_name](py::SubInterpreter *interp) {
        if (!interp) {
            outcome->settle(closedError(name));
            return;
        }
        std::optional<Result<T>> result;
        try {
            result.emplace(body(*interp));
        } catch (const std::exception &e) {  // e.g. bad_alloc while copying a result
            result.emplace(Error::make(ErrorCode::Runtime, "sandbox '" + name + "': " + e.what()));
        }
        outcome->settle(std::move(*result));
    };
    task.abandon = [outcome, name = m_name] { outcome->settle(abandonedError(name)); };
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopping) {
            m_queue.push_back(std::move(task));
            m_wake.notify_all();
            return future;
        }
    }
    task.run(nullptr);
    return future;
}

std::future<Result<void>> SandboxThread::exec(std::string source, std::string filename, RunOptions options)
{
    return submit<void>([source = std::move(source), filename = std::move(filename), options](py::SubInterpreter &i) {
        return i.exec(source, filename, options);
    });
}

std::future<Result<bool>> SandboxThread::interact(std::string source, RunOptions options)
{
    return submit<bool>([source = std::move(source), options](py::SubInterpreter &i) {
        return i.interact(source, options);
    });
}

std::future<Result<Value>> SandboxThread::eval(std::string expression, RunOptions options)
{
    return submit<Value>([expression = std::move(expression), options](py::SubInterpreter &i) {
        return i.eval(expression, options);
    });
}

bool SandboxThread::postCallback(std::uint64_t id, Value::List arguments)
{
    std::lock_guard lock(m_mutex);
    if (m_stopping)
        return false;
    m_queue.push_back({[this, id, arguments = std::move(arguments)](py::SubInterpreter *interp) {
                           if (!interp)
                               return;
                           Result<void> result = interp->invokeCallback(id, arguments, RunOptions{m_callbackTimeLimit});
                           if (!result)
                               reportCallbackError(result.error());
                       },
                       {}});
    m_wake.notify_all();
    return true;
}

void SandboxThread::releaseCallback(std::uint64_t id)
{
    std::lock_guard lock(m_mutex);
    if (m_stopping)
        return;
    m_queue.push_back({[id](py::SubInterpreter *interp) {
                           if (interp)
                               interp->releaseCallback(id);
                       },
                       {}});
    m_wake.notify_all();
}

bool SandboxThread::busy()
{
    std::lock_guard lock(m_interpMutex);
    return m_interp && m_interp->running();
}

std::future<Result<Value>> SandboxThread::call(std::string function, Value::List arguments, RunOptions options,
                                               bool withContext, bool optional)
{
    return submit<Value>([function = std::move(function), arguments = std::move(arguments), options, withContext,
                          optional](py::SubInterpreter &i) {
        return i.call(function, arguments, options, withContext, optional);
    });
}

void SandboxThread::interrupt()
{
    std::lock_guard lock(m_interpMutex);
    if (m_interp)
        m_interp->interrupt(ErrorCode::Interrupted);
}

void SandboxThread::requestStop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_wake.notify_all();
    }
    interrupt();
}

bool SandboxThread::shutdown(Clock::time_point callDeadline)
{
    std::unique_lock lock(m_mutex);
    m_stopping = true;
    m_wake.notify_all();
    if (std::this_thread::get_id() == m_threadId)
        return true;  // the loop ends after the current call
    // A call may be just starting, past the point where it could see m_stopping: keep
    // interrupting until the thread has left its loop. Its teardown has a budget of its own.
    while (m_phase != Phase::Finished) {
        if (m_abandoned)
            return false;  // by a concurrent caller
        const Clock::time_point deadline =
            m_phase == Phase::Serving ? callDeadline : std::max(callDeadline, m_teardownStart + teardownPatience);
        if (Clock::now() >= deadline) {
            abandon(lock);
            return false;
        }
        if (m_phase == Phase::Serving) {
            lock.unlock();
            interrupt();
            lock.lock();
        }
        m_wake.wait_for(lock, std::chrono::milliseconds(10), [this] { return m_phase == Phase::Finished; });
    }
    if (m_abandoned)
        return false;  // and its stuck call has returned since
    if (m_thread.joinable())
        m_thread.join();  // it has finished: quick, and only one caller gets here
    return true;
}

// The thread is stuck in native code and holds its interpreter's GIL: nothing may touch that
// interpreter again. What it could still reach is taken away, and the host is released.
void SandboxThread::abandon(std::unique_lock<std::mutex> &lock)
{
    m_abandoned = true;
    m_abandonedCount->fetch_add(1);
    if (m_thread.joinable())
        m_thread.detach();  // it holds a reference to this object, and this one to the watchdog
    std::function<void()> failCurrent = std::exchange(m_abandonCurrent, nullptr);
    std::deque<Task> queued = std::exchange(m_queue, {});  // the thread will never get to them
    lock.unlock();
    for (Task &task : queued)
        task.run(nullptr);
    m_grants.close();  // this sandbox's access only: the host may grant the same objects again
    {
        std::lock_guard interpLock(m_interpMutex);
        if (m_interp)
            m_interp->abandon();
    }
    {
        std::lock_guard hostLock(m_hostMutex);  // waits for output already on its way
        m_hostOpen = false;
    }
    if (failCurrent)
        failCurrent();
    lock.lock();
}

void SandboxThread::markFinished()
{
    std::lock_guard lock(m_mutex);
    m_phase = Phase::Finished;
    m_wake.notify_all();
}

} // namespace objcap::detail
