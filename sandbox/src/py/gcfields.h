#pragma once

#include <Python.h>

namespace objcap::py {

// The garbage-collector support of the sandbox's small heap types, whose only references are
// the PyObject* members listed (plus, as for every heap type, their type). Use as
//   GcFields<ViewObject, &ViewObject::module>::traverse / ::clear / ::dealloc
template <typename T, PyObject *T::*... Fields>
struct GcFields {
    static int traverse(PyObject *self, visitproc visit, void *arg)
    {
        T *object = reinterpret_cast<T *>(self);
        int result = 0;
        ((result = result ? result : (object->*Fields ? visit(object->*Fields, arg) : 0)), ...);
        return result ? result : visit(reinterpret_cast<PyObject *>(Py_TYPE(self)), arg);
    }

    static int clear(PyObject *self)
    {
        T *object = reinterpret_cast<T *>(self);
        ([object] { Py_CLEAR(object->*Fields); }(), ...);
        return 0;
    }

    static void dealloc(PyObject *self)
    {
        PyTypeObject *type = Py_TYPE(self);
        PyObject_GC_UnTrack(self);
        clear(self);
        type->tp_free(self);
        Py_DECREF(type);
    }
};

} // namespace objcap::py
