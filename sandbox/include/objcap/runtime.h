#pragma once

#include "objcap/result.h"
#include "objcap/sandbox.h"

#include <memory>
#include <string>

namespace objcap {

namespace detail { class RuntimeCore; }

struct RuntimeOptions {
    // Prefix holding lib/python3.13 (the stdlib). Empty: <directory of this executable>/..,
    // which is where both the build tree and the install tree put it.
    std::string pythonHome;
    // Symbol the objcap CPython patch set exports. Only tests change it, to exercise the
    // refusal path of a runtime without the patches.
    std::string patchMarkerSymbol = "objcap_patch_level";
};

struct RuntimeInfo {
    std::string objcapVersion;
    std::string pythonVersion;  // e.g. "3.13.5"
    int patchLevel = 0;         // objcap_patch_level of the loaded libpython
    std::string pythonHome;
    std::string libraryPath;    // the libpython actually loaded
};

// The embedded CPython: one per process, started once (CPython cannot be restarted cleanly).
// Owns every Sandbox it creates: destroying the Runtime ends each sub-interpreter still alive
// (their Sandbox handles then report ErrorCode::Closed) and finalises CPython. Destruction is
// bounded like ~Sandbox: a sandbox stuck in native code is abandoned after Sandbox::stopGrace
// (all of them against one deadline), and once any sandbox has been abandoned CPython is not
// finalised (it cannot be while a thread runs in it): the process may still exit normally,
// and the OS reclaims the interpreter and the thread, which burns a core until then.
// The thread that starts it owns the main interpreter: destroy it and call
// interpreterCount() on that thread. createSandbox() may be called from any thread.
class Runtime {
public:
    // Refuses (ErrorCode::Unpatched) a libpython without the objcap patch set, and
    // (ErrorCode::Runtime) a second runtime in the process or a missing stdlib.
    static Result<std::unique_ptr<Runtime>> start(const RuntimeOptions &options = {});
    ~Runtime();
    Runtime(const Runtime &) = delete;
    Runtime &operator=(const Runtime &) = delete;

    const RuntimeInfo &info() const;

    // A new locked-down sub-interpreter with its own GIL, owned by its own OS thread.
    Result<std::unique_ptr<Sandbox>> createSandbox(SandboxOptions options = {});

    // Interpreters CPython currently knows, the main one included.
    int interpreterCount() const;

    // Sandboxes abandoned so far (see ~Sandbox): their threads may still run native code. A
    // host can tell the user that a restart is needed to reclaim them. Any thread.
    int abandonedCount() const;

    // The patch level this build of objcap requires of libpython.
    static int requiredPatchLevel();
    static const char *version();

private:
    explicit Runtime(std::unique_ptr<detail::RuntimeCore> core);
    std::unique_ptr<detail::RuntimeCore> m_core;
};

} // namespace objcap
