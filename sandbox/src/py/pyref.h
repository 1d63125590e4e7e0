#pragma once

#include <Python.h>

#include <utility>

namespace objcap::py {

// An owned reference to a Python object. Whether a raw pointer is adopted (steal) or
// shared (borrow) is always explicit. Only touch it while its interpreter is active.
class PyRef {
public:
    PyRef() = default;
    static PyRef steal(PyObject *o) { return PyRef(o); }
    static PyRef borrow(PyObject *o) { Py_XINCREF(o); return PyRef(o); }

    PyRef(const PyRef &other) : m_o(other.m_o) { Py_XINCREF(m_o); }
    PyRef(PyRef &&other) noexcept : m_o(std::exchange(other.m_o, nullptr)) {}
    PyRef &operator=(PyRef other) noexcept { std::swap(m_o, other.m_o); return *this; }
    ~PyRef() { Py_XDECREF(m_o); }

    PyObject *get() const { return m_o; }
    PyObject *release() { return std::exchange(m_o, nullptr); }  // hands our reference to the caller
    void reset() { Py_CLEAR(m_o); }
    explicit operator bool() const { return m_o != nullptr; }

private:
    explicit PyRef(PyObject *o) : m_o(o) {}
    PyObject *m_o = nullptr;
};

} // namespace objcap::py
