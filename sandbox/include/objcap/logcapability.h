#pragma once

#include "objcap/capability.h"

#include <functional>
#include <memory>
#include <string_view>

namespace objcap {

enum class LogLevel { Debug, Info, Warning, Error };

// Receives a plugin's log lines; called on the sandbox's thread.
using LogSink = std::function<void(LogLevel, std::string_view message)>;

// ctx.log: debug/info/warning/error(message). Rate-limited (a burst of 100 lines, then 20 per
// second); what is dropped is counted and reported with the next line that gets through.
std::shared_ptr<Capability> makeLogCapability(LogSink sink);

} // namespace objcap
