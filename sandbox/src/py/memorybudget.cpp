#include "memorybudget.h"

#include <Python.h>

#include <malloc.h>

namespace objcap::py {

namespace {

thread_local MemoryBudget *t_budget = nullptr;
PyMemAllocatorEx g_raw;           // the default raw allocator (libc malloc)
PyObjectArenaAllocator g_arena;   // the default arena allocator (mmap)

std::uint64_t sizeOf(void *block)
{
    return block ? malloc_usable_size(block) : 0;
}

void *rawMalloc(void *, size_t size)
{
    void *block = g_raw.malloc(g_raw.ctx, size);
    if (MemoryBudget *budget = t_budget; budget && block && !budget->charge(sizeOf(block))) {
        g_raw.free(g_raw.ctx, block);
        return nullptr;
    }
    return block;
}

void *rawCalloc(void *, size_t count, size_t size)
{
    void *block = g_raw.calloc(g_raw.ctx, count, size);
    if (MemoryBudget *budget = t_budget; budget && block && !budget->charge(sizeOf(block))) {
        g_raw.free(g_raw.ctx, block);
        return nullptr;
    }
    return block;
}

void *rawRealloc(void *, void *block, size_t size)
{
    MemoryBudget *budget = t_budget;
    if (!budget)
        return g_raw.realloc(g_raw.ctx, block, size);
    const std::uint64_t before = sizeOf(block);
    // Refuse growth past the limit before touching the block: a failed realloc keeps it intact.
    if (size > before && !budget->charge(size - before))
        return nullptr;
    void *grown = g_raw.realloc(g_raw.ctx, block, size);
    if (size > before)
        budget->credit(size - before);
    if (!grown)
        return nullptr;
    const std::uint64_t after = sizeOf(grown);
    if (after > before)
        budget->charge(after - before);  // already checked, modulo malloc's rounding
    else
        budget->credit(before - after);
    return grown;
}

void rawFree(void *, void *block)
{
    if (MemoryBudget *budget = t_budget; budget && block)
        budget->credit(sizeOf(block));
    g_raw.free(g_raw.ctx, block);
}

void *arenaAlloc(void *, size_t size)
{
    MemoryBudget *budget = t_budget;
    if (budget && !budget->charge(size))
        return nullptr;
    void *arena = g_arena.alloc(g_arena.ctx, size);
    if (!arena && budget)
        budget->credit(size);
    return arena;
}

void arenaFree(void *, void *arena, size_t size)
{
    if (MemoryBudget *budget = t_budget; budget && arena)
        budget->credit(size);
    g_arena.free(g_arena.ctx, arena, size);
}

} // namespace

void MemoryBudget::install()
{
    PyMem_GetAllocator(PYMEM_DOMAIN_RAW, &g_raw);
    PyMemAllocatorEx raw = {nullptr, rawMalloc, rawCalloc, rawRealloc, rawFree};
    PyMem_SetAllocator(PYMEM_DOMAIN_RAW, &raw);
    PyObject_GetArenaAllocator(&g_arena);
    PyObjectArenaAllocator arena = {nullptr, arenaAlloc, arenaFree};
    PyObject_SetArenaAllocator(&arena);
}

void MemoryBudget::setCurrent(MemoryBudget *budget)
{
    t_budget = budget;
}

bool MemoryBudget::charge(std::uint64_t bytes)
{
    const std::uint64_t now = m_used.fetch_add(bytes, std::memory_order_relaxed) + bytes;
    if (m_limit == 0 || now <= m_limit)
        return true;
    m_used.fetch_sub(bytes, std::memory_order_relaxed);
    m_exceeded.store(true, std::memory_order_relaxed);
    return false;
}

void MemoryBudget::credit(std::uint64_t bytes)
{
    std::uint64_t current = m_used.load(std::memory_order_relaxed);
    std::uint64_t next;
    do {
        next = current > bytes ? current - bytes : 0;
    } while (!m_used.compare_exchange_weak(current, next, std::memory_order_relaxed));
}

} // namespace objcap::py
