#include "objcap/benchmarkprobe.h"

#include "errorcapture.h"
#include "pyref.h"
#include "threadstatescope.h"

#include <chrono>

namespace objcap {

using py::PyRef;

struct BenchmarkProbe::Impl {
    PyThreadState *tstate = nullptr;
    PyRef mainDict;
};

BenchmarkProbe::BenchmarkProbe(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}

Result<std::unique_ptr<BenchmarkProbe>> BenchmarkProbe::create(const Runtime &)
{
    auto impl = std::make_unique<Impl>();
    // As SubInterpreter::create: borrow a thread state of the main interpreter to create it.
    PyThreadState *creator = PyThreadState_New(PyInterpreterState_Main());
    PyEval_RestoreThread(creator);
    PyInterpreterConfig config = {};
    config.use_main_obmalloc = 0;
    config.check_multi_interp_extensions = 1;
    config.gil = PyInterpreterConfig_OWN_GIL;
    PyStatus status = Py_NewInterpreterFromConfig(&impl->tstate, &config);
    Result<void> ready;
    if (PyStatus_Exception(status)) {
        ready = Error::make(ErrorCode::Runtime, std::string("cannot create the benchmark interpreter: ") +
                                                    (status.err_msg ? status.err_msg : "unknown error"));
    } else {
        PyRef main = PyRef::steal(PyImport_AddModuleRef("__main__"));
        if (main)
            impl->mainDict = PyRef::borrow(PyModule_GetDict(main.get()));
        else
            ready = py::ErrorCapture::take(ErrorCode::Runtime, nullptr);
        PyEval_SaveThread();
        if (!ready) {
            PyEval_RestoreThread(impl->tstate);
            Py_EndInterpreter(impl->tstate);
        }
    }
    PyEval_RestoreThread(creator);
    PyThreadState_Clear(creator);
    PyThreadState_DeleteCurrent();
    if (!ready)
        return ready.error();
    return std::unique_ptr<BenchmarkProbe>(new BenchmarkProbe(std::move(impl)));
}

BenchmarkProbe::~BenchmarkProbe()
{
    PyEval_RestoreThread(d->tstate);
    d->mainDict.reset();
    Py_EndInterpreter(d->tstate);  // leaves no thread state attached
}

Result<void> BenchmarkProbe::exec(const std::string &source)
{
    py::ThreadStateScope active(d->tstate);
    PyRef result = PyRef::steal(PyRun_String(source.c_str(), Py_file_input, d->mainDict.get(), d->mainDict.get()));
    if (!result)
        return py::ErrorCapture::take(ErrorCode::PluginException, nullptr);
    return {};
}

Result<double> BenchmarkProbe::evalNumber(const std::string &expression)
{
    py::ThreadStateScope active(d->tstate);
    PyRef result = PyRef::steal(PyRun_String(expression.c_str(), Py_eval_input, d->mainDict.get(), d->mainDict.get()));
    const double number = result ? PyFloat_AsDouble(result.get()) : -1.0;
    if (!result || (number == -1.0 && PyErr_Occurred()))
        return py::ErrorCapture::take(ErrorCode::PluginException, nullptr);
    return number;
}

Result<std::vector<double>> BenchmarkProbe::timeCalls(const std::string &function, int count)
{
    using Clock = std::chrono::steady_clock;
    py::ThreadStateScope active(d->tstate);
    PyObject *callable = PyDict_GetItemString(d->mainDict.get(), function.c_str());  // borrowed
    if (!callable)
        return Error::make(ErrorCode::PluginException, "no function " + function + " in the benchmark interpreter");
    PyRef argument = PyRef::steal(PyLong_FromLong(1));
    std::vector<double> durations;
    durations.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const auto start = Clock::now();
        PyRef result = PyRef::steal(PyObject_CallOneArg(callable, argument.get()));
        const long value = result ? PyLong_AsLong(result.get()) : -1;
        const auto end = Clock::now();
        if (!result || (value == -1 && PyErr_Occurred()))
            return py::ErrorCapture::take(ErrorCode::PluginException, nullptr);
        durations.push_back(std::chrono::duration<double, std::nano>(end - start).count());
    }
    return durations;
}

} // namespace objcap
