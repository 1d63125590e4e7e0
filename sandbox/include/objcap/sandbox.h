#pragma once

#include "objcap/auditrecord.h"
#include "objcap/capability.h"
#include "objcap/result.h"
#include "objcap/sandboxpolicy.h"
#include "objcap/value.h"

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace objcap {

namespace detail { class SandboxThread; }

enum class Stream { Stdout, Stderr };

// Receives what plugin code writes to sys.stdout / sys.stderr. Called on the sandbox's own
// thread, so it must be thread-safe with respect to the host.
using OutputSink = std::function<void(Stream, std::string_view)>;

struct SandboxOptions {
    std::string name = "sandbox";  // for messages, the audit log and thread names
    OutputSink output;              // empty: output is discarded
    // What plugin code may import; null: SandboxPolicy::defaults().
    std::shared_ptr<const SandboxPolicy> policy;
    // Memory budget in bytes, counting the interpreter's own (a few MiB); zero means none. An
    // allocation beyond it fails with MemoryError in the plugin, and the call that hit it
    // fails with ErrorCode::LimitExceeded.
    std::uint64_t memoryLimit = 0;
    // The plugin's package folder: its own modules (import util, from . import x) are loaded
    // from there, and nothing else on disk is reachable. Empty: none. `packageName` stands for
    // the folder in tracebacks (the plugin id, say), never the host path.
    std::string packageFolder;
    std::string packageName;
    // Time budget of each callback run (timers, events); zero means none.
    std::chrono::milliseconds callbackTimeLimit{5000};
    // Told, on the sandbox's thread, about an exception a callback raised.
    std::function<void(const Error &)> onCallbackError;
    // Told of every audit record (refusals, allowed imports, capability calls) as it is made,
    // on the sandbox's thread: how a host shows a live activity log. Must not block.
    std::function<void(const AuditRecord &)> onAudit;
};

struct RunOptions {
    // Time budget for this call; zero means none. On expiry the watchdog interrupts the
    // plugin (Python loops and long native loops such as regex matching alike) and the call
    // fails with ErrorCode::LimitExceeded.
    std::chrono::milliseconds timeLimit{0};
};

// One plugin interpreter. Every call is queued to the sandbox's own thread, which alone runs
// Python in it; calls run one at a time in order, and results come back as futures.
class Sandbox {
public:
    // How long destruction waits for a running call to end once interrupted. A call still
    // running after it is stuck in native code that ignores interrupts (see SECURITY.md).
    static constexpr std::chrono::milliseconds stopGrace{1000};

    // Interrupts a running call, fails the queued ones (ErrorCode::Closed), ends the
    // interpreter and joins its thread; every future the sandbox returned is then ready.
    // Bounded: a call that has not ended within stopGrace (or finalizers within their 2 s
    // budget and the grace) gets the sandbox *abandoned*: its thread is detached and left
    // running; every capability call it makes fails with RevokedError (the host's capability
    // objects stay usable, e.g. granted to a new sandbox); its pending futures fail with
    // ErrorCode::Closed; its output and onCallbackError stop reaching the host; and its
    // interpreter is never touched again (not even ended), so no more plugin code runs for
    // the host. The Runtime then will not finalise CPython.
    ~Sandbox();
    // Ends the sandbox now, as destruction does, and says how: false if it was abandoned.
    // Later calls fail with ErrorCode::Closed. Idempotent; any thread but the sandbox's own.
    bool close();
    Sandbox(const Sandbox &) = delete;
    Sandbox &operator=(const Sandbox &) = delete;

    const std::string &name() const;

    // Runs source as top-level code of the sandbox's __main__ (names persist between calls).
    // filename is what tracebacks show; their source lines come from source, not from disk.
    std::future<Result<void>> exec(std::string source, std::string filename, RunOptions options = {});

    // One console entry, as the Python REPL takes it: false if the source is an incomplete
    // statement (nothing ran; read another line); otherwise runs it in __main__, printing the
    // repr of an expression statement's value to the sandbox's stdout, and returns true.
    std::future<Result<bool>> interact(std::string source, RunOptions options = {});

    // Evaluates an expression in __main__ and returns its value by copy.
    std::future<Result<Value>> eval(std::string expression, RunOptions options = {});

    // Calls the plugin function `function` of __main__ (a hook such as activate or on_tick)
    // with these arguments, `ctx` first if withContext; a missing function is an error unless
    // optional (then the result is None).
    std::future<Result<Value>> call(std::string function, Value::List arguments, RunOptions options = {},
                                    bool withContext = false, bool optional = false);

    // Interrupts the call running now, if any (ErrorCode::Interrupted). Any thread.
    void interrupt();

    // True while a call is executing on the sandbox thread; once it is, interrupt() reaches it.
    bool busy() const;

    // True once the sandbox has been abandoned (see ~Sandbox), by a Runtime destroyed while
    // this handle lives on; Runtime::abandonedCount() counts every abandoned sandbox. Any thread.
    bool abandoned() const;

    // Makes `capability` reachable by plugin code as ctx.<name> (the global `ctx` of code the
    // sandbox runs); replaces an earlier grant of that name. Any thread.
    void grant(const std::string &name, std::shared_ptr<Capability> capability);
    // Revokes the grant: every later call on it, on what was minted from it and on file handles
    // opened through it raises objcap.RevokedError. False if nothing of that name was granted.
    bool revoke(const std::string &name);

    // What plugin code tried that the lockdown judged: every refusal, the imports it allowed,
    // and every capability call. The most recent AuditLog records; refusalCount() counts all refusals.
    std::vector<AuditRecord> auditLog() const;
    std::uint64_t refusalCount() const;

private:
    friend class Runtime;
    explicit Sandbox(std::shared_ptr<detail::SandboxThread> thread);
    std::shared_ptr<detail::SandboxThread> m_thread;
};

} // namespace objcap
