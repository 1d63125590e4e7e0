#include "plugininstance.h"

#include <objcap/manifest.h>

#include <QFile>
#include <QTimer>

namespace objcap::host {

namespace {

objcap::Error notRunning()
{
    return objcap::Error::make(objcap::ErrorCode::Closed, "the plugin is not running");
}

objcap::Error abandonedError()
{
    return objcap::Error::make(objcap::ErrorCode::LimitExceeded,
                               "stopped while stuck in native code that ignores interrupts; its thread runs on "
                               "(using a processor core) until the host exits");
}

} // namespace

PluginInstance::PluginInstance(objcap::Runtime &runtime, Options options, QObject *parent)
    : QObject(parent), m_runtime(runtime), m_relay(std::make_shared<Relay>(this)),
      m_options(std::move(options)), m_state(m_options.enabled ? State::Enabled : State::Disabled)
{
}

PluginInstance::~PluginInstance()
{
    {
        std::lock_guard lock(m_relay->mutex);
        m_relay->target = nullptr;
    }
    endSandbox();  // every pending result is in once the sandbox has ended
    for (Waiter &waiter : m_waiters)
        waiter.thread.join();
}

template <typename T>
std::shared_ptr<std::atomic<bool>> PluginInstance::whenReady(std::future<objcap::Result<T>> work, std::function<void(const objcap::Result<T> &)> done,
                               std::shared_ptr<std::promise<objcap::Result<T>>> forward)
{
    // Reap the waiters that are done, so that a long-running host does not collect threads.
    std::erase_if(m_waiters, [](Waiter &w) {
        if (!w.finished->load())
            return false;
        w.thread.join();
        return true;
    });
    auto finished = std::make_shared<std::atomic<bool>>(false);
    const quint64 generation = m_generation;
    std::thread thread([this, work = std::move(work), done = std::move(done), forward, finished, generation]() mutable {
        std::optional<objcap::Result<T>> result;
        try {
            result.emplace(work.get());
        } catch (const std::future_error &) {  // the sandbox ended before the call ran
            result.emplace(notRunning());
        }
        finished->store(true);
        if (forward)
            forward->set_value(*result);
        QMetaObject::invokeMethod(
            this,
            [this, done = std::move(done), result = std::move(*result), generation] {
                if (generation == m_generation)
                    done(result);
            },
            Qt::QueuedConnection);
    });
    m_waiters.push_back({std::move(thread), finished});
    return finished;
}

// A call still running well past its budget has ignored the interrupt: it is in native code
// that never checks for one. The plugin is unresponsive from now; it ends when the call returns.
void PluginInstance::watch(std::shared_ptr<std::atomic<bool>> finished)
{
    const quint64 generation = m_generation;
    QTimer::singleShot(m_options.timeLimit + stuckGrace, this, [this, finished, generation] {
        if (generation != m_generation || finished->load())
            return;
        const objcap::Error stuck = objcap::Error::make(
            objcap::ErrorCode::LimitExceeded, "still running past its time budget: stuck in native code that ignores interrupts");
        setState(State::Unresponsive, &stuck);
    });
}

void PluginInstance::setState(State state, const objcap::Error *error)
{
    if (error) {
        m_error = QString::fromStdString(error->message);
        m_diagnostic = QString::fromStdString(error->traceback);
    } else if (state == State::Loading) {
        m_error.clear();
        m_diagnostic.clear();
    }
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

// A call that ran past its time budget stopped cooperating: the plugin is unresponsive.
// Anything else that ends a plugin is a failure.
void PluginInstance::fail(const objcap::Error &error)
{
    endSandbox();
    const bool overTime = error.code == objcap::ErrorCode::LimitExceeded && error.exceptionType == "objcap.LimitExceeded";
    setState(overTime ? State::Unresponsive : State::Failed, &error);
}

void PluginInstance::closeAll(const std::vector<PluginInstance *> &instances)
{
    std::vector<std::thread> closers;
    for (PluginInstance *instance : instances) {
        if (objcap::Sandbox *sandbox = instance->m_sandbox.get())
            closers.emplace_back([sandbox] { sandbox->close(); });  // close() allows concurrent callers
    }
    for (std::thread &closer : closers)
        closer.join();
}

bool PluginInstance::endSandbox()
{
    if (m_sandbox)
        m_pastRefusals += m_sandbox->refusalCount();
    ++m_generation;
    // Interrupts what runs, then joins the plugin's thread; at most Sandbox::stopGrace for a
    // call stuck in native code, which is then abandoned. Either way every result is in.
    const bool abandoned = m_sandbox && !m_sandbox->close();
    m_sandbox.reset();
    return abandoned;
}

void PluginInstance::setEnabled(bool enabled)
{
    if (enabled) {
        if (m_state == State::Disabled || m_state == State::Installed)
            setState(State::Enabled);
        return;
    }
    endSandbox();
    setState(State::Disabled);
}

void PluginInstance::start()
{
    if (m_state == State::Disabled || m_state == State::Installed) {
        m_error = QStringLiteral("the plugin is disabled");
        return;
    }
    if (m_state == State::Loading || m_state == State::Running)
        return;
    endSandbox();
    setState(State::Loading);
    auto manifest = objcap::Manifest::load(m_options.folder.toStdString());
    if (!manifest)
        return setState(State::Failed, &manifest.error());
    QFile entry(m_options.folder + u'/' + QString::fromStdString(manifest->entry()));
    if (!entry.open(QIODevice::ReadOnly)) {
        const objcap::Error error = objcap::Error::make(
            objcap::ErrorCode::Io, "cannot read " + manifest->entry() + ": " + entry.errorString().toStdString());
        return setState(State::Failed, &error);
    }
    objcap::SandboxOptions options;
    options.name = manifest->id();
    options.output = [relay = m_relay, sink = m_options.output](objcap::Stream stream, std::string_view text) {
        if (sink)
            sink(stream, text);
        std::lock_guard lock(relay->mutex);
        if (!relay->target)
            return;
        const int channel = stream == objcap::Stream::Stderr ? 1 : 0;
        const bool flushQueued = !relay->output.empty();
        if (relay->outputBytes + text.size() > maxQueuedOutput) {
            if (!relay->outputTruncated)
                relay->output.push_back({1, QStringLiteral("\n[objcap: output dropped: the host is behind]\n")});
            relay->outputTruncated = true;
        } else if (!relay->output.empty() && relay->output.back().first == channel) {
            relay->output.back().second += QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
        } else {
            relay->output.push_back({channel, QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()))});
        }
        relay->outputBytes += text.size();
        if (flushQueued)
            return;
        QMetaObject::invokeMethod(
            relay->target,
            [relay] {
                std::vector<std::pair<int, QString>> batch;
                PluginInstance *target;
                {
                    std::lock_guard lock(relay->mutex);
                    batch.swap(relay->output);
                    relay->outputBytes = 0;
                    relay->outputTruncated = false;
                    target = relay->target;
                }
                for (const auto &[channel, text] : batch)
                    if (target)
                        emit target->outputWritten(channel, text);
            },
            Qt::QueuedConnection);
    };
    options.onAudit = [relay = m_relay](const objcap::AuditRecord &record) {
        std::lock_guard lock(relay->mutex);
        if (!relay->target || relay->audit.size() >= maxQueuedAudit)
            return;
        relay->audit.push_back(record);
        if (relay->audit.size() > 1)
            return;  // a flush is already on its way
        QMetaObject::invokeMethod(
            relay->target,
            [relay] {
                std::vector<objcap::AuditRecord> batch;
                PluginInstance *target;
                {
                    std::lock_guard lock(relay->mutex);
                    batch.swap(relay->audit);
                    target = relay->target;
                }
                for (const objcap::AuditRecord &r : batch)
                    if (target)
                        emit target->audited(r);
            },
            Qt::QueuedConnection);
    };
    options.memoryLimit = m_options.memoryLimit;
    options.packageFolder = m_options.folder.toStdString();
    options.packageName = manifest->id();
    options.callbackTimeLimit = m_options.timeLimit;
    // A timer, command or event handler that raised (or overran its budget) ends the plugin as a
    // failing activate() would: its error and traceback are kept for the UI.
    options.onCallbackError = [relay = m_relay, generation = m_generation](const objcap::Error &error) {
        std::lock_guard lock(relay->mutex);
        if (!relay->target)
            return;
        QMetaObject::invokeMethod(
            relay->target,
            [target = relay->target, generation, error] {
                if (generation == target->m_generation && target->m_sandbox)
                    target->fail(error);
            },
            Qt::QueuedConnection);
    };
    // Created off the host thread: a sandbox takes milliseconds, and a host starting many
    // plugins (or a GUI) should neither wait for them nor create them one after another.
    auto created = std::make_shared<std::unique_ptr<objcap::Sandbox>>();
    std::future<objcap::Result<void>> creating =
        std::async(std::launch::async, [&runtime = m_runtime, options = std::move(options), created]() mutable {
            auto sandbox = runtime.createSandbox(std::move(options));
            if (!sandbox)
                return objcap::Result<void>(sandbox.error());
            *created = std::move(sandbox).value();
            return objcap::Result<void>();
        });
    whenReady<void>(std::move(creating), [this, created, source = entry.readAll().toStdString(),
                                          filename = manifest->id() + "/" + manifest->entry()](const objcap::Result<void> &made) {
        if (!made)
            return setState(State::Failed, &made.error());
        m_sandbox = std::move(*created);
        for (const Grant &grant : m_options.grants)
            m_sandbox->grant(grant.name, grant.capability);
        activate(source, filename);
    });
}

void PluginInstance::activate(const std::string &source, const std::string &filename)
{
    const objcap::RunOptions run{m_options.timeLimit};
    // activate(ctx) runs only once the entry module has loaded.
    watch(whenReady<void>(m_sandbox->exec(source, filename, run),
                    [this, run](const objcap::Result<void> &loaded) {
                        if (!loaded)
                            return fail(loaded.error());
                        watch(whenReady<objcap::Value>(m_sandbox->call("activate", {}, run, /*withContext=*/true),
                                                       [this](const objcap::Result<objcap::Value> &activated) {
                                                           if (!activated)
                                                               return fail(activated.error());
                                                           setState(State::Running);
                                                       }));
                    }));
}

void PluginInstance::stopThen(std::function<void()> next)
{
    if (m_state != State::Running) {
        const bool abandoned = endSandbox();
        const objcap::Error stuck = abandonedError();
        if (m_state == State::Loading || m_state == State::Unresponsive)
            setState(State::Stopped, abandoned ? &stuck : nullptr);
        if (next)
            next();
        return;
    }
    const objcap::RunOptions run{m_options.timeLimit};
    auto finished = whenReady<objcap::Value>(m_sandbox->call("deactivate", {}, run, false, /*optional=*/true),
                                             [this, next](const objcap::Result<objcap::Value> &deactivated) {
                                                 endSandbox();
                                                 setState(State::Stopped, deactivated ? nullptr : &deactivated.error());
                                                 if (next)
                                                     next();
                                             });
    // A deactivate() stuck in native code does not hold the stop up: the sandbox is ended
    // (abandoned) once the call is stuckGrace past its budget.
    const quint64 generation = m_generation;
    QTimer::singleShot(m_options.timeLimit + stuckGrace, this, [this, finished, generation, next] {
        if (generation != m_generation || finished->load())
            return;
        const bool abandoned = endSandbox();
        const objcap::Error stuck = abandoned ? abandonedError()
                                              : objcap::Error::make(objcap::ErrorCode::LimitExceeded,
                                                                    "deactivate() ran past its time budget");
        setState(State::Stopped, &stuck);
        if (next)
            next();
    });
}

void PluginInstance::stop()
{
    stopThen({});
}

void PluginInstance::reload()
{
    stopThen([this] { start(); });
}

std::shared_future<objcap::Result<objcap::Value>> PluginInstance::callHook(const std::string &name,
                                                                           objcap::Value::List arguments, quint64 *ticket)
{
    auto promise = std::make_shared<std::promise<objcap::Result<objcap::Value>>>();
    std::shared_future<objcap::Result<objcap::Value>> result = promise->get_future().share();
    const quint64 number = m_nextTicket++;
    if (ticket)
        *ticket = number;
    if (m_state != State::Running || !m_sandbox) {
        promise->set_value(notRunning());
        QMetaObject::invokeMethod(this, [this, number] { emit hookFinished(number, false); }, Qt::QueuedConnection);
        return result;
    }
    const objcap::RunOptions run{m_options.timeLimit};
    watch(whenReady<objcap::Value>(
        m_sandbox->call(name, std::move(arguments), run),
        [this, number](const objcap::Result<objcap::Value> &value) {
            if (!value && value.error().code == objcap::ErrorCode::LimitExceeded)
                fail(value.error());
            emit hookFinished(number, bool(value));
        },
        promise));
    return result;
}

bool PluginInstance::revoke(const std::string &capability)
{
    std::erase_if(m_options.grants, [&](const Grant &g) { return g.name == capability; });
    return m_sandbox && m_sandbox->revoke(capability);
}

void PluginInstance::grant(const std::string &name, std::shared_ptr<objcap::Capability> capability, bool keep)
{
    std::erase_if(m_options.grants, [&](const Grant &g) { return g.name == name; });
    if (keep)
        m_options.grants.push_back({name, capability});
    if (m_sandbox)
        m_sandbox->grant(name, std::move(capability));
}

// Console work never changes the plugin's state (an entry the budget interrupted is the
// entry's error), except that one stuck in native code makes the plugin unresponsive.
template <typename T>
std::shared_future<objcap::Result<T>> PluginInstance::console(std::future<objcap::Result<T>> work)
{
    auto promise = std::make_shared<std::promise<objcap::Result<T>>>();
    std::shared_future<objcap::Result<T>> result = promise->get_future().share();
    watch(whenReady<T>(std::move(work), [](const objcap::Result<T> &) {}, promise));
    return result;
}

std::shared_future<objcap::Result<bool>> PluginInstance::interact(const QString &source)
{
    if (m_state != State::Running || !m_sandbox) {
        std::promise<objcap::Result<bool>> refused;
        refused.set_value(notRunning());
        return refused.get_future().share();
    }
    return console<bool>(m_sandbox->interact(source.toStdString(), objcap::RunOptions{m_options.timeLimit}));
}

std::shared_future<objcap::Result<objcap::Value>> PluginInstance::evaluate(const QString &expression)
{
    if (m_state != State::Running || !m_sandbox) {
        std::promise<objcap::Result<objcap::Value>> refused;
        refused.set_value(notRunning());
        return refused.get_future().share();
    }
    return console<objcap::Value>(m_sandbox->eval(expression.toStdString(), objcap::RunOptions{m_options.timeLimit}));
}

std::vector<objcap::AuditRecord> PluginInstance::auditLog() const
{
    return m_sandbox ? m_sandbox->auditLog() : std::vector<objcap::AuditRecord>{};
}

std::uint64_t PluginInstance::refusalCount() const
{
    return m_pastRefusals + (m_sandbox ? m_sandbox->refusalCount() : 0);
}

} // namespace objcap::host
