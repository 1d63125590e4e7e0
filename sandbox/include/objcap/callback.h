#pragma once

#include "objcap/value.h"

namespace objcap {

// A plugin callable that plugin code handed to a capability (a timer's callback, an event
// handler). The callable itself stays inside the plugin's interpreter; the host holds this
// handle. Releasing the handle releases the callable.
class Callback {
public:
    virtual ~Callback() = default;
    // Queues a call with these arguments on the plugin's own thread, under its budgets; the
    // result is dropped and an exception is reported through SandboxOptions::onCallbackError.
    // False if the sandbox has ended. Any thread.
    virtual bool post(Value::List arguments) = 0;
};

} // namespace objcap
