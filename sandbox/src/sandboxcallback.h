#pragma once

#include "objcap/callback.h"

#include <cstdint>
#include <memory>

namespace objcap::detail {

class SandboxThread;

// The host's handle on a plugin callable: an id into the interpreter's callback table and
// the sandbox thread that can run it. Outliving the sandbox is harmless.
class SandboxCallback : public Callback {
public:
    SandboxCallback(std::weak_ptr<SandboxThread> thread, std::uint64_t id) : m_thread(std::move(thread)), m_id(id) {}
    ~SandboxCallback() override;
    bool post(Value::List arguments) override;

private:
    std::weak_ptr<SandboxThread> m_thread;
    std::uint64_t m_id;
};

} // namespace objcap::detail
