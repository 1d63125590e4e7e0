#pragma once

#include "pyref.h"

namespace objcap::detail { class GrantTable; }

namespace objcap::py {

class Lockdown;

// The `ctx` a plugin receives: its granted capabilities as attributes (ctx.files, ...), read
// from the sandbox's grant table at each access, so grants and revocations take effect at
// once. A capability that was not granted is simply absent.
class PluginContext {
public:
    static PyRef createType();
    static PyRef create(PyObject *type, Lockdown *lockdown, const detail::GrantTable *grants);
};

} // namespace objcap::py
