#pragma once

#include "pyref.h"

namespace objcap::py {

// Stands in for type.__subclasses__ in a plugin interpreter. Walking object.__subclasses__()
// is the classic way to reach every class in the process (importlib's loaders, io's FileIO,
// os._wrap_close); yet ABC checks (isinstance(x, collections.abc.Sequence)) call it on the
// ABC. So it answers only for classes with a metaclass of their own (ABCs, enums) and the
// plugin's classes, and then lists only subclasses a plugin could reach anyway: those of
// the plugin's modules, of allowed modules, and built-in types. For plain classes (object,
// int, ...) it is hidden like any other attribute, for the host's imports too.
class SubclassesFilter {
public:
    // The type for the active interpreter; null PyRef with an exception set on failure.
    static PyRef createType();
    // Replaces type.__dict__['__subclasses__']; false with an exception set on failure.
    static bool install(PyObject *filterType);
};

} // namespace objcap::py
