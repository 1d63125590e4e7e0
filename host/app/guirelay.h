#pragma once

#include <QMetaObject>
#include <QObject>

#include <functional>
#include <memory>
#include <mutex>

namespace objcap::host {

// How a plugin's thread reaches a GUI object without ever blocking on the GUI thread or touching
// a deleted QObject: post() queues work to the target's thread while holding the mutex that
// detach() takes, so a target detached (by its destructor, on the GUI thread) is never posted to
// again; work already queued is dropped by Qt with the target's other posted events.
template <typename T>
class GuiRelay {
public:
    explicit GuiRelay(T *target) : m_target(target) {}

    // Any thread. False once detached.
    bool post(std::function<void(T &)> work)
    {
        std::lock_guard lock(m_mutex);
        if (!m_target)
            return false;
        T *target = m_target;
        QMetaObject::invokeMethod(
            target, [target, work = std::move(work)] { work(*target); }, Qt::QueuedConnection);
        return true;
    }

    // The target's thread, before the target goes away.
    void detach()
    {
        std::lock_guard lock(m_mutex);
        m_target = nullptr;
    }

    bool attached()
    {
        std::lock_guard lock(m_mutex);
        return m_target != nullptr;
    }

private:
    std::mutex m_mutex;
    T *m_target;
};

} // namespace objcap::host
