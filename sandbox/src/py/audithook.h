#pragma once

namespace objcap::py {

// The C-level audit hook, installed before Py_Initialize: the second line of the lockdown.
// It judges events only on a sandbox's own thread (see SandboxGuard), refusing every event
// that means ambient authority with objcap.CapabilityError and recording it in the sandbox's
// audit log. Everything else in the process is left alone.
class AuditHook {
public:
    static bool install();  // false if CPython refused the hook
};

} // namespace objcap::py
