#include "subinterpreter.h"

#include "../watchdog.h"
#include "errorcapture.h"
#include "interruption.h"
#include "lockdown.h"
#include "memorybudget.h"
#include "outputstream.h"
#include "pyref.h"
#include "sandboxguard.h"
#include "threadstatescope.h"
#include "tracebackformatter.h"
#include "valueconverter.h"

#include <atomic>
#include <chrono>
#include <map>
#include <optional>

namespace objcap::py {

namespace {

// Formatting an error may run plugin code (an exception's __str__), so it gets its own budget.
constexpr std::chrono::milliseconds errorFormattingBudget{1000};
// So do the finalizers (__del__, weakref callbacks) that run when a sandbox is ended.
constexpr std::chrono::milliseconds teardownBudget{2000};

Error statusError(const char *what, const PyStatus &status)
{
    return Error::make(ErrorCode::Runtime, std::string(what) + ": " + (status.err_msg ? status.err_msg : "unknown error"));
}

} // namespace

struct SubInterpreter::Impl {
    Impl(Setup s, detail::Watchdog &w) : setup(std::move(s)), watchdog(w), memory(setup.memoryLimit) {}

    Setup setup;
    detail::Watchdog &watchdog;
    MemoryBudget memory;
    PyThreadState *tstate = nullptr;
    PyRef mainDict;  // the plugin's __main__ namespace
    std::string stdlibRoot;
    std::optional<Interruption> interruption;
    std::optional<SandboxGuard> guard;
    std::unique_ptr<Lockdown> lockdown;
    std::atomic<bool> abandoned{false};
    // Source of the code the host ran, by filename: tracebacks show its lines.
    std::map<std::string, std::string> sources;

    Result<void> setUp();
    void tearDown();

    // One budgeted call: runs while the watchdog may interrupt it.
    class Run {
    public:
        Run(Impl &impl, std::chrono::milliseconds limit) : m_impl(impl), m_id(impl.interruption->beginRun())
        {
            impl.memory.resetExceeded();
            if (limit.count() > 0) {
                Interruption *target = &*impl.interruption;
                const std::uint64_t id = m_id;
                m_token = impl.watchdog.arm(limit, [target, id] { target->request(id, ErrorCode::LimitExceeded); });
            }
        }
        ~Run() { end(); }
        void end()
        {
            m_impl.watchdog.disarm(std::exchange(m_token, 0));
            m_impl.interruption->endRun();
        }
        std::uint64_t id() const { return m_id; }

    private:
        Impl &m_impl;
        std::uint64_t m_id;
        detail::Watchdog::Token m_token = 0;
    };

    Error fail(Run &run);
    Result<void> checkFinished(Run &run);
};

Result<void> SubInterpreter::Impl::setUp()
{
    PyRef main = PyRef::steal(PyImport_AddModuleRef("__main__"));
    if (!main)
        return ErrorCapture::take(ErrorCode::Runtime, nullptr);
    mainDict = PyRef::borrow(PyModule_GetDict(main.get()));

    // Plugin output goes to the host; the plugin never holds a file object.
    PyRef streamType = OutputStream::createType();
    PyRef out = streamType ? OutputStream::create(streamType.get(), &setup.sink, Stream::Stdout) : PyRef();
    PyRef err = streamType ? OutputStream::create(streamType.get(), &setup.sink, Stream::Stderr) : PyRef();
    if (!out || !err || PySys_SetObject("stdout", out.get()) < 0 || PySys_SetObject("__stdout__", out.get()) < 0 ||
        PySys_SetObject("stderr", err.get()) < 0 || PySys_SetObject("__stderr__", err.get()) < 0 ||
        PySys_SetObject("stdin", Py_None) < 0 || PySys_SetObject("__stdin__", Py_None) < 0)
        return ErrorCapture::take(ErrorCode::Runtime, nullptr);

    // The runtime puts the stdlib first on sys.path.
    PyObject *path = PySys_GetObject("path");  // borrowed
    PyObject *first = path && PyList_Check(path) && PyList_GET_SIZE(path) > 0 ? PyList_GET_ITEM(path, 0) : nullptr;
    const char *root = first && PyUnicode_Check(first) ? PyUnicode_AsUTF8(first) : nullptr;
    if (!root)
        return Error::make(ErrorCode::Runtime, "cannot lock down the sandbox: no standard library on sys.path");
    stdlibRoot = root;

    guard.emplace(setup.name, setup.policy, setup.auditLog, stdlibRoot);
    auto applied = Lockdown::apply(*guard, mainDict.get(), setup.grants, setup.makeCallback);
    if (!applied)
        return applied.error();
    lockdown = std::move(applied).value();
    if (!setup.packageFolder.empty()) {
        if (Result<void> ok = lockdown->setPackage(setup.packageFolder, setup.packageName, &sources); !ok)
            return ok;
    }
    interruption->setExceptionType(lockdown->limitExceeded());
    guard->install();  // from here on, this thread's events are judged
    return {};
}

// CPython's own finalisation audits its steps (cpython.PyInterpreterState_Clear): host work,
// not something the plugin tried.
static void endInterpreter(SubInterpreter::Impl &impl)
{
    std::optional<SandboxGuard::HostScope> host;
    if (impl.guard)
        host.emplace(*impl.guard);
    Py_EndInterpreter(impl.tstate);
}

void SubInterpreter::Impl::tearDown()
{
    // Plugin objects die here, running their finalizers under the rules and a budget;
    // CPython's own finalisation in Py_EndInterpreter could not be interrupted safely.
    if (lockdown) {
        Run teardown(*this, teardownBudget);
        PyDict_Clear(mainDict.get());
        PyGC_Collect();
    }
    interruption->setExceptionType(nullptr);
    if (lockdown)
        lockdown->release();
    mainDict.reset();
}

Error SubInterpreter::Impl::fail(Run &run)
{
    if (abandoned) {
        // Kept, not released: releasing the exception could run plugin finalizers.
        (void)PyErr_GetRaisedException();
        return Error::make(ErrorCode::Closed, "the sandbox was abandoned");
    }
    const bool outOfMemory = memory.exceeded();
    const ErrorCode code = interruption->interrupted(run.id()) ? interruption->reason()
                           : outOfMemory                        ? ErrorCode::LimitExceeded
                                                                : ErrorCode::PluginException;
    run.end();
    Run formatting(*this, errorFormattingBudget);
    TracebackFormatter formatter(sources, stdlibRoot);
    Error error = ErrorCapture::take(code, &formatter);
    if (outOfMemory && code == ErrorCode::LimitExceeded && !interruption->interrupted(run.id()))
        error.message = "memory limit of " + std::to_string(memory.limit() >> 20) + " MiB exceeded (" + error.message + ")";
    else if (code == ErrorCode::LimitExceeded || code == ErrorCode::Interrupted)
        error.exceptionType = "objcap.LimitExceeded";
    return error;
}

// A native loop that never checks for interrupts can run past its budget and then succeed;
// the budget was still exceeded, and the call must not count as a success.
Result<void> SubInterpreter::Impl::checkFinished(Run &run)
{
    if (!interruption->interrupted(run.id()))
        return {};
    const ErrorCode code = interruption->reason();
    run.end();
    Error error = Error::make(code, code == ErrorCode::Interrupted
                                        ? "interrupted by the host (the call finished before it could be stopped)"
                                        : "time limit exceeded (the call finished before it could be stopped)");
    error.exceptionType = "objcap.LimitExceeded";
    return error;
}

SubInterpreter::SubInterpreter(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}

Result<std::unique_ptr<SubInterpreter>> SubInterpreter::create(Setup setup, detail::Watchdog &watchdog)
{
    auto impl = std::make_unique<Impl>(std::move(setup), watchdog);
    // Everything this thread allocates from now on, the interpreter included, is charged.
    MemoryBudget::setCurrent(&impl->memory);

    // Creating an interpreter needs an attached thread state; this thread has none yet, so
    // borrow a temporary one of the main interpreter.
    PyThreadState *creator = PyThreadState_New(PyInterpreterState_Main());
    PyEval_RestoreThread(creator);

    PyInterpreterConfig config = {};
    config.use_main_obmalloc = 0;
    config.allow_fork = 0;
    config.allow_exec = 0;
    config.allow_threads = 0;  // one thread per plugin; budgets and teardown rely on it
    config.allow_daemon_threads = 0;
    config.check_multi_interp_extensions = 1;
    config.gil = PyInterpreterConfig_OWN_GIL;
    PyStatus status = Py_NewInterpreterFromConfig(&impl->tstate, &config);
    if (PyStatus_Exception(status)) {
        PyThreadState_Clear(creator);
        PyThreadState_DeleteCurrent();
        MemoryBudget::setCurrent(nullptr);
        return statusError("cannot create a sub-interpreter", status);
    }

    // Now the new interpreter is attached and the main one's GIL released.
    impl->interruption.emplace(impl->tstate->interp);
    Result<void> ready = impl->setUp();
    if (!ready) {
        impl->tearDown();
        impl->interruption->close();
        endInterpreter(*impl);
        if (impl->guard)
            impl->guard->uninstall();
    } else {
        PyEval_SaveThread();
    }
    PyEval_RestoreThread(creator);
    PyThreadState_Clear(creator);
    PyThreadState_DeleteCurrent();
    if (!ready) {
        MemoryBudget::setCurrent(nullptr);
        return ready.error();
    }
    return std::unique_ptr<SubInterpreter>(new SubInterpreter(std::move(impl)));
}

SubInterpreter::~SubInterpreter()
{
    PyEval_RestoreThread(d->tstate);
    d->tearDown();
    // The interpreter is freed at the end of Py_EndInterpreter: no request may reach it after.
    // The Interruption itself outlives it, for the pending calls CPython still runs.
    d->interruption->close();
    endInterpreter(*d);  // leaves no thread state attached
    d->guard->uninstall();
    MemoryBudget::setCurrent(nullptr);
}

bool SubInterpreter::running() const
{
    return d->interruption->running();
}

void SubInterpreter::abandon()
{
    d->abandoned = true;
}

void SubInterpreter::interrupt(ErrorCode reason)
{
    d->interruption->request(0, reason);
}

Result<void> SubInterpreter::exec(const std::string &source, const std::string &filename, const RunOptions &options)
{
    ThreadStateScope active(d->tstate);
    Impl::Run run(*d, options.timeLimit);
    if (source.find('\0') != std::string::npos) {
        PyErr_Format(PyExc_SyntaxError, "source code of %s contains a null byte", filename.c_str());
        return d->fail(run);
    }
    d->sources[filename] = source;
    PyRef code = PyRef::steal(Py_CompileStringExFlags(source.c_str(), filename.c_str(), Py_file_input, nullptr, -1));
    if (!code)
        return d->fail(run);
    PyRef result = PyRef::steal(PyEval_EvalCode(code.get(), d->mainDict.get(), d->mainDict.get()));
    if (!result)
        return d->fail(run);
    return d->checkFinished(run);
}

Result<void> SubInterpreter::invokeCallback(std::uint64_t id, const Value::List &arguments, const RunOptions &options)
{
    ThreadStateScope active(d->tstate);
    Impl::Run run(*d, options.timeLimit);
    PyRef callable = PyRef::borrow(d->lockdown->callback(id));
    if (!callable)
        return Error::make(ErrorCode::Closed, "the callback was released");
    PyRef args = ValueConverter::toPython(Value(arguments), d->lockdown.get());
    PyRef tuple = args ? PyRef::steal(PyList_AsTuple(args.get())) : PyRef();
    PyRef result = tuple ? PyRef::steal(PyObject_Call(callable.get(), tuple.get(), nullptr)) : PyRef();
    if (!result)
        return d->fail(run);
    return d->checkFinished(run);
}

Result<Value> SubInterpreter::call(const std::string &function, const Value::List &arguments,
                                   const RunOptions &options, bool withContext, bool optional)
{
    ThreadStateScope active(d->tstate);
    Impl::Run run(*d, options.timeLimit);
    PyObject *callable = PyDict_GetItemString(d->mainDict.get(), function.c_str());  // borrowed
    if (!callable) {
        if (optional)
            return Value();
        PyErr_Format(PyExc_AttributeError, "the plugin defines no function '%s'", function.c_str());
        return d->fail(run);
    }
    PyRef keep = PyRef::borrow(callable);
    PyRef list = ValueConverter::toPython(Value(arguments), d->lockdown.get());
    if (list && withContext) {
        PyObject *context = PyDict_GetItemString(d->mainDict.get(), "ctx");
        if (!context || PyList_Insert(list.get(), 0, context) < 0)
            list.reset();
    }
    PyRef tuple = list ? PyRef::steal(PyList_AsTuple(list.get())) : PyRef();
    PyRef result = tuple ? PyRef::steal(PyObject_Call(keep.get(), tuple.get(), nullptr)) : PyRef();
    Value value;
    if (!result || !ValueConverter::fromPython(result.get(), value, d->lockdown.get()))
        return d->fail(run);
    if (Result<void> finished = d->checkFinished(run); !finished)
        return finished.error();
    return value;
}

void SubInterpreter::releaseCallback(std::uint64_t id)
{
    ThreadStateScope active(d->tstate);
    d->lockdown->releaseCallback(id);
}

Result<bool> SubInterpreter::interact(const std::string &source, const RunOptions &options)
{
    ThreadStateScope active(d->tstate);
    Impl::Run run(*d, options.timeLimit);
    if (source.find('\0') != std::string::npos) {
        PyErr_SetString(PyExc_SyntaxError, "source code contains a null byte");
        return d->fail(run);
    }
    // codeop's rule: what compiles runs; what the parser calls incomplete input once a newline
    // is added waits for more lines; anything else is the first compile's SyntaxError.
    PyCompilerFlags flags = _PyCompilerFlags_INIT;
    flags.cf_flags = PyCF_DONT_IMPLY_DEDENT;
    PyRef code = PyRef::steal(Py_CompileStringExFlags(source.c_str(), "<console>", Py_single_input, &flags, -1));
    if (!code) {
        PyRef error = PyRef::steal(PyErr_GetRaisedException());
        PyCompilerFlags incomplete = _PyCompilerFlags_INIT;
        incomplete.cf_flags = PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT;
        PyRef more = PyRef::steal(
            Py_CompileStringExFlags((source + "\n").c_str(), "<console>", Py_single_input, &incomplete, -1));
        if (more)
            return false;
        PyRef second = PyRef::steal(PyErr_GetRaisedException());
        if (std::string_view(Py_TYPE(second.get())->tp_name) == "_IncompleteInputError")
            return false;
        PyErr_SetRaisedException(error.release());
        return d->fail(run);
    }
    PyRef result = PyRef::steal(PyEval_EvalCode(code.get(), d->mainDict.get(), d->mainDict.get()));
    if (!result)
        return d->fail(run);
    if (Result<void> finished = d->checkFinished(run); !finished)
        return finished.error();
    return true;
}

Result<Value> SubInterpreter::eval(const std::string &expression, const RunOptions &options)
{
    ThreadStateScope active(d->tstate);
    Impl::Run run(*d, options.timeLimit);
    if (expression.find('\0') != std::string::npos) {
        PyErr_SetString(PyExc_SyntaxError, "expression contains a null byte");
        return d->fail(run);
    }
    PyRef code = PyRef::steal(Py_CompileStringExFlags(expression.c_str(), "<eval>", Py_eval_input, nullptr, -1));
    if (!code)
        return d->fail(run);
    PyRef result = PyRef::steal(PyEval_EvalCode(code.get(), d->mainDict.get(), d->mainDict.get()));
    Value value;
    if (!result || !ValueConverter::fromPython(result.get(), value))
        return d->fail(run);
    if (Result<void> finished = d->checkFinished(run); !finished)
        return finished.error();
    return value;
}

} // namespace objcap::py
