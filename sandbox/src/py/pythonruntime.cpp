#include "pythonruntime.h"

#include "audithook.h"
#include "memorybudget.h"
#include "threadstatescope.h"

#include <dlfcn.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <system_error>

namespace objcap::py {

namespace fs = std::filesystem;

namespace {

std::atomic<bool> g_started{false};

std::string loadedLibraryPath()
{
    Dl_info dl{};
    if (dladdr(reinterpret_cast<void *>(&Py_InitializeFromConfig), &dl) && dl.dli_fname)
        return dl.dli_fname;
    return "libpython" + std::to_string(PY_MAJOR_VERSION) + "." + std::to_string(PY_MINOR_VERSION);
}

// The marker is looked up in the libpython actually loaded, not taken from a header, so a
// build that picks up an unpatched libpython at run time is caught.
Result<int> patchLevel(const std::string &symbol, const std::string &library)
{
    dlerror();
    const void *marker = dlsym(RTLD_DEFAULT, symbol.c_str());
    if (!marker) {
        return Error::make(ErrorCode::Unpatched,
                           "the CPython runtime " + library + " lacks the objcap patch set (no symbol '" + symbol +
                               "'); objcap must run on the patched CPython its build prepares");
    }
    const int level = *static_cast<const int *>(marker);
    if (level < Runtime::requiredPatchLevel()) {
        return Error::make(ErrorCode::Unpatched,
                           "the CPython runtime " + library + " has objcap patch level " + std::to_string(level) +
                               ", this objcap needs " + std::to_string(Runtime::requiredPatchLevel()) +
                               "; rebuild so the current patch set is applied");
    }
    return level;
}

fs::path executableDirectory()
{
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::current_path() : exe.parent_path();
}

std::string statusText(const PyStatus &status)
{
    std::string text = status.err_msg ? status.err_msg : "unknown error";
    if (status.func)
        text = std::string(status.func) + ": " + text;
    return text;
}

Result<void> setPath(PyConfig &config, wchar_t **field, const fs::path &path)
{
    PyStatus status = PyConfig_SetBytesString(&config, field, path.c_str());
    if (PyStatus_Exception(status))
        return Error::make(ErrorCode::Runtime, "cannot configure CPython: " + statusText(status));
    return {};
}

Result<void> appendSearchPath(PyConfig &config, const fs::path &path)
{
    wchar_t *wide = Py_DecodeLocale(path.c_str(), nullptr);
    if (!wide)
        return Error::make(ErrorCode::Runtime, "cannot decode path " + path.string());
    PyStatus status = PyWideStringList_Append(&config.module_search_paths, wide);
    PyMem_RawFree(wide);
    if (PyStatus_Exception(status))
        return Error::make(ErrorCode::Runtime, "cannot configure CPython: " + statusText(status));
    return {};
}

Result<void> initializeIsolated(const fs::path &home)
{
    // Before any allocation CPython makes, so that every block is freed by the allocator
    // that made it.
    MemoryBudget::install();
    PyPreConfig preconfig;
    PyPreConfig_InitIsolatedConfig(&preconfig);
    preconfig.utf8_mode = 1;
    PyStatus status = Py_PreInitialize(&preconfig);
    if (PyStatus_Exception(status))
        return Error::make(ErrorCode::Runtime, "cannot pre-initialise CPython: " + statusText(status));

    PyConfig config;
    PyConfig_InitIsolatedConfig(&config);
    config.site_import = 0;
    config.user_site_directory = 0;
    config.use_environment = 0;
    config.safe_path = 1;
    config.write_bytecode = 0;          // never write into the shared runtime
    config.install_signal_handlers = 0; // signals belong to the host application
    config.parse_argv = 0;
    config.module_search_paths_set = 1;
    const fs::path stdlib = home / "lib" / ("python" + std::to_string(PY_MAJOR_VERSION) + "." +
                                             std::to_string(PY_MINOR_VERSION));
    Result<void> r = setPath(config, &config.home, home);
    if (r)
        r = appendSearchPath(config, stdlib);
    if (r)
        r = appendSearchPath(config, stdlib / "lib-dynload");
    if (r) {
        status = Py_InitializeFromConfig(&config);
        if (PyStatus_Exception(status))
            r = Error::make(ErrorCode::Runtime, "cannot initialise CPython: " + statusText(status));
    }
    PyConfig_Clear(&config);
    return r;
}

} // namespace

Result<std::unique_ptr<PythonRuntime>> PythonRuntime::initialize(const RuntimeOptions &options, RuntimeInfo &info)
{
    if (g_started.exchange(true))
        return Error::make(ErrorCode::Runtime, "the objcap runtime can be started only once per process");

    info.libraryPath = loadedLibraryPath();
    Result<int> level = patchLevel(options.patchMarkerSymbol, info.libraryPath);
    if (!level) {
        g_started = false;
        return level.error();
    }
    info.patchLevel = level.value();

    std::error_code ec;
    const fs::path home = fs::weakly_canonical(
        options.pythonHome.empty() ? executableDirectory() / ".." : fs::path(options.pythonHome), ec);
    const std::string xy = std::to_string(PY_MAJOR_VERSION) + "." + std::to_string(PY_MINOR_VERSION);
    if (!fs::exists(home / "lib" / ("python" + xy) / "os.py", ec)) {
        g_started = false;
        return Error::make(ErrorCode::Runtime, "the Python " + xy + " standard library was not found in " +
                                                   (home / "lib" / ("python" + xy)).lexically_normal().string());
    }
    info.pythonHome = home.string();

    // Before Py_Initialize, so that no interpreter ever runs without it.
    if (!AuditHook::install()) {
        g_started = false;
        return Error::make(ErrorCode::Runtime, "cannot install the sandbox audit hook");
    }
    if (Result<void> r = initializeIsolated(home); !r) {
        // CPython cannot be initialised twice; leave g_started set.
        return r.error();
    }
    info.pythonVersion = Py_GetVersion();
    info.pythonVersion = info.pythonVersion.substr(0, info.pythonVersion.find(' '));
    return std::unique_ptr<PythonRuntime>(new PythonRuntime(PyEval_SaveThread()));
}

PythonRuntime::~PythonRuntime()
{
    PyEval_RestoreThread(m_main);
    Py_FinalizeEx();
}

int PythonRuntime::interpreterCount() const
{
    ThreadStateScope active(m_main);
    int count = 0;
    for (PyInterpreterState *interp = PyInterpreterState_Head(); interp; interp = PyInterpreterState_Next(interp))
        ++count;
    return count;
}

} // namespace objcap::py
