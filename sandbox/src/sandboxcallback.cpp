#include "sandboxcallback.h"

#include "sandboxthread.h"

namespace objcap::detail {

SandboxCallback::~SandboxCallback()
{
    if (auto thread = m_thread.lock())
        thread->releaseCallback(m_id);
}

bool SandboxCallback::post(Value::List arguments)
{
    auto thread = m_thread.lock();
    return thread && thread->postCallback(m_id, std::move(arguments));
}

} // namespace objcap::detail
