#pragma once

#include <atomic>
#include <cstdint>

namespace objcap::py {

// A sandbox's memory budget. CPython's raw allocator (large blocks) and its arena allocator
// (the pools small objects live in) are wrapped, process-wide and before Py_Initialize, so that
// every allocation made on a sandbox's thread is charged to that sandbox: past its limit the
// allocation fails, which Python reports as MemoryError in that plugin only. The wrappers call
// the default allocators; on other threads they only pass through.
class MemoryBudget {
public:
    explicit MemoryBudget(std::uint64_t limit) : m_limit(limit) {}

    // Installs the wrappers; before Py_PreInitialize, once.
    static void install();
    // The budget charged for allocations on this thread (null: none).
    static void setCurrent(MemoryBudget *budget);

    bool charge(std::uint64_t bytes);
    void credit(std::uint64_t bytes);
    std::uint64_t used() const { return m_used.load(std::memory_order_relaxed); }
    std::uint64_t limit() const { return m_limit; }
    // Whether an allocation was refused since the last reset.
    bool exceeded() const { return m_exceeded.load(std::memory_order_relaxed); }
    void resetExceeded() { m_exceeded.store(false, std::memory_order_relaxed); }

private:
    std::uint64_t m_limit;  // 0: no limit, only accounting
    std::atomic<std::uint64_t> m_used{0};
    std::atomic<bool> m_exceeded{false};
};

} // namespace objcap::py
