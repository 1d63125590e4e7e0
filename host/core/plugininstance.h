#pragma once

#include <objcap/runtime.h>

#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace objcap::host {

// One plugin's life in a host: its state machine, its sandbox (a thread of its own), its hooks.
// Lives on the host's thread; every plugin call is asynchronous and reports back there.
//
//   Disabled <-> Enabled -> Loading -> Running -> Stopped
//                              |          |  \-> Unresponsive (a call ran past its budget)
//                              \-> Failed <-/ (activate raised, or the code could not load)
//
// A call stuck in native code that never checks for interrupts (see sandbox/SECURITY.md) is
// marked unresponsive once it is stuckGrace past its budget; the host thread stays free, and
// the sandbox ends when the call returns. Stopping, reloading, disabling or destroying the
// instance before that blocks the host thread for at most Sandbox::stopGrace: the sandbox is
// then abandoned (its thread runs on until the host exits, with every grant revoked; see
// Runtime::abandonedCount()) and a stopped plugin says so in error(). A deactivate() stuck
// the same way is given up on stuckGrace past its budget.
//
// Failed, Unresponsive and Stopped plugins can be started again (or reloaded); a failure
// keeps a user-facing error() and a diagnostic() traceback for the UI.
class PluginInstance : public QObject {
    Q_OBJECT
public:
    enum class State { Installed, Disabled, Enabled, Loading, Running, Failed, Unresponsive, Stopped };
    Q_ENUM(State)
    // How long past its time budget a call may run before it counts as stuck in native code.
    static constexpr std::chrono::milliseconds stuckGrace{1000};

    struct Grant {
        std::string name;
        std::shared_ptr<objcap::Capability> capability;
    };
    struct Options {
        QString folder;  // the plugin's code, with plugin.toml
        bool enabled = false;
        std::vector<Grant> grants;
        std::chrono::milliseconds timeLimit{5000};  // of activate, deactivate and every hook call
        std::uint64_t memoryLimit = 0;              // bytes; zero: none
        objcap::OutputSink output;                  // on the plugin's thread; see also outputWritten
    };

    PluginInstance(objcap::Runtime &runtime, Options options, QObject *parent = nullptr);
    ~PluginInstance() override;  // ends the sandbox (interrupting what runs) and its waiters

    State state() const { return m_state; }
    QString error() const { return m_error; }
    QString diagnostic() const { return m_diagnostic; }

    void setEnabled(bool enabled);  // disabling a running plugin stops it
    void start();                   // loads the entry module and calls activate(ctx)
    void stop();                    // calls deactivate() if defined, then ends the sandbox
    void reload();                  // stop, then start with the code now on disk
    // Calls hook `name` of the running plugin with these arguments; the result arrives as
    // hookFinished(ticket, ...) and in the returned future. Refused unless Running.
    std::shared_future<objcap::Result<objcap::Value>> callHook(const std::string &name, objcap::Value::List arguments,
                                                               quint64 *ticket = nullptr);
    // Ends the sandboxes of all these plugins at once, for a host that quits: plugins stuck in
    // native code are abandoned together after one Sandbox::stopGrace, not one after another.
    // The instances are then destroyed without waiting.
    static void closeAll(const std::vector<PluginInstance *> &instances);

    // Takes a capability back from the running plugin at once.
    bool revoke(const std::string &capability);
    // Gives the plugin a capability: at once if it runs, and (if keep) at every later start.
    void grant(const std::string &name, std::shared_ptr<objcap::Capability> capability, bool keep = true);

    // The dev console: one entry run in the running plugin's own sandbox and __main__, under its
    // rules and time budget (Sandbox::interact: false means "incomplete, read another line").
    // An entry that overruns its budget is interrupted and reported like any error; one stuck in
    // native code marks the plugin unresponsive. Refused unless Running.
    std::shared_future<objcap::Result<bool>> interact(const QString &source);
    // Evaluates an expression in the running plugin's __main__ (console completion), by copy.
    std::shared_future<objcap::Result<objcap::Value>> evaluate(const QString &expression);

    std::vector<objcap::AuditRecord> auditLog() const;  // of the current sandbox; empty if none
    std::uint64_t refusalCount() const;                 // over every sandbox this instance ran

signals:
    void stateChanged(objcap::host::PluginInstance::State state);
    void hookFinished(quint64 ticket, bool ok);
    // What the plugin printed (stream 0: stdout, 1: stderr), on this object's thread.
    void outputWritten(int stream, const QString &text);
    // Each audit record of the plugin (refusals, imports, capability calls), on this object's thread.
    void audited(const objcap::AuditRecord &record);

private:
    struct Waiter {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> finished;
    };
    void setState(State state, const objcap::Error *error = nullptr);
    // Loads the entry module into the new sandbox, then calls activate(ctx).
    void activate(const std::string &source, const std::string &filename);
    void fail(const objcap::Error &error);
    bool endSandbox();  // true if the sandbox had to be abandoned
    void stopThen(std::function<void()> next);
    void watch(std::shared_ptr<std::atomic<bool>> finished);
    // A console call's result, which leaves the plugin's state alone.
    template <typename T>
    std::shared_future<objcap::Result<T>> console(std::future<objcap::Result<T>> work);
    // Waits for `work` on a thread of its own, then hands its result to `done` on this thread
    // unless the sandbox it came from has ended meanwhile.
    template <typename T>
    std::shared_ptr<std::atomic<bool>> whenReady(std::future<objcap::Result<T>> work, std::function<void(const objcap::Result<T> &)> done,
                   std::shared_ptr<std::promise<objcap::Result<T>>> forward = {});

    // Lets the plugin's thread post to this object for exactly as long as it exists.
    // Audit records and output wait in the relay and go over in batches, at most one post queued at a time,
    // so a plugin calling in a tight loop cannot flood the host's event queue; past
    // maxQueuedAudit unsent records the newest are dropped (the sandbox's own log keeps count).
    struct Relay {
        explicit Relay(PluginInstance *t) : target(t) {}
        std::mutex mutex;
        PluginInstance *target;
        std::vector<objcap::AuditRecord> audit;
        std::vector<std::pair<int, QString>> output;  // (stream, text), merged per stream run
        std::size_t outputBytes = 0;
        bool outputTruncated = false;
    };
    static constexpr std::size_t maxQueuedAudit = 1000;
    static constexpr std::size_t maxQueuedOutput = 1 << 20;  // bytes; the same for output

    objcap::Runtime &m_runtime;
    std::shared_ptr<Relay> m_relay;
    Options m_options;
    State m_state;
    QString m_error, m_diagnostic;
    std::unique_ptr<objcap::Sandbox> m_sandbox;
    std::vector<Waiter> m_waiters;
    quint64 m_generation = 0;  // counts sandboxes: results from an ended one are dropped
    quint64 m_nextTicket = 1;
    std::uint64_t m_pastRefusals = 0;  // of the sandboxes that ended
};

} // namespace objcap::host

Q_DECLARE_METATYPE(objcap::AuditRecord)
