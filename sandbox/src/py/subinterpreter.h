#pragma once

#include "objcap/result.h"
#include "objcap/sandbox.h"
#include "objcap/value.h"

#include <functional>
#include <memory>
#include <string>

namespace objcap::detail {
class AuditLog;
class GrantTable;
class Watchdog;
} // namespace objcap::detail

namespace objcap::py {

// A plugin sub-interpreter: isolated PyInterpreterConfig (own GIL, own obmalloc, strict
// multi-interpreter extension check, no fork, exec or threads). It is created, used and
// destroyed on one OS thread, which alone may call anything but interrupt().
class SubInterpreter {
public:
    struct Setup {
        std::string name;
        OutputSink sink;               // receives plugin output on this thread
        const SandboxPolicy &policy;   // must outlive the interpreter
        detail::AuditLog &auditLog;    // must outlive the interpreter
        const detail::GrantTable &grants;  // must outlive the interpreter
        // Mints the host's handle for a plugin callable registered under an id.
        std::function<Value::CallbackRef(std::uint64_t)> makeCallback;
        std::uint64_t memoryLimit = 0;  // bytes; 0: none
        std::string packageFolder;      // the plugin's own modules; empty: none
        std::string packageName;
    };
    // Needs a started PythonRuntime. Creates the interpreter and locks it down.
    static Result<std::unique_ptr<SubInterpreter>> create(Setup setup, detail::Watchdog &watchdog);
    ~SubInterpreter();  // ends the interpreter
    SubInterpreter(const SubInterpreter &) = delete;
    SubInterpreter &operator=(const SubInterpreter &) = delete;

    Result<void> exec(const std::string &source, const std::string &filename, const RunOptions &options);
    Result<Value> eval(const std::string &expression, const RunOptions &options);
    Result<bool> interact(const std::string &source, const RunOptions &options);
    Result<Value> call(const std::string &function, const Value::List &arguments, const RunOptions &options,
                       bool withContext, bool optional);
    // Calls a plugin callable the host holds a handle for; its result is dropped.
    Result<void> invokeCallback(std::uint64_t id, const Value::List &arguments, const RunOptions &options);
    void releaseCallback(std::uint64_t id);

    // Interrupts the call running now, if any; the call fails with `reason`. Any thread.
    void interrupt(ErrorCode reason);
    // True while a call runs, from the moment an interrupt would reach it. Any thread.
    bool running() const;
    // The host has given up on the call running now (stuck in native code): if it ever
    // returns, its error is dropped unformatted, so no more plugin code (an exception's
    // __str__) runs for it. Any thread.
    void abandon();

    struct Impl;

private:
    explicit SubInterpreter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace objcap::py
