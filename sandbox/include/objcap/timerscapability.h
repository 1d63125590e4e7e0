#pragma once

#include "objcap/capability.h"

#include <memory>

namespace objcap {

// ctx.timers: call_later(delay, callback) and every(interval, callback) return a handle for
// cancel(handle); attribute `pending` counts the timers still armed. Callbacks run on the
// plugin's own thread under its callback budget. Everything is cancelled when the capability
// is released or revoked, e.g. when the plugin is unloaded.
std::shared_ptr<Capability> makeTimersCapability();

} // namespace objcap
