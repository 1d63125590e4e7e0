# Builds (once per machine, cached outside the build tree) or reuses the patched CPython, and
# exposes it as the imported target objcap::python. The build tree gets its own copy of
# libpython and a link to the stdlib under build/lib, so executables find both relative to
# themselves.
set(OBJCAP_CPYTHON_PREFIX "" CACHE PATH
    "Use this already-built patched CPython prefix instead of building one")

set(_objcap_cpython_inputs
    ${CMAKE_SOURCE_DIR}/sandbox/cpython/cpython.env
    ${CMAKE_SOURCE_DIR}/packaging/setup/build-cpython.sh
    ${CMAKE_SOURCE_DIR}/packaging/setup/fetch-cpython.sh)
file(GLOB _objcap_patches ${CMAKE_SOURCE_DIR}/sandbox/cpython/patches/*.patch)
# Re-run configure (and so the keyed build) whenever the pin or a patch changes.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${_objcap_cpython_inputs} ${_objcap_patches})

if(OBJCAP_CPYTHON_PREFIX)
    set(_prefix ${OBJCAP_CPYTHON_PREFIX})
else()
    message(STATUS "objcap: preparing the patched CPython runtime")
    execute_process(
        COMMAND ${CMAKE_SOURCE_DIR}/packaging/setup/build-cpython.sh
        OUTPUT_VARIABLE _out
        RESULT_VARIABLE _rc
        OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT _rc EQUAL 0)
        message(FATAL_ERROR "objcap: building the patched CPython failed (see the messages above)")
    endif()
    string(REGEX REPLACE ".*\n" "" _prefix "${_out}")
endif()

file(STRINGS ${CMAKE_SOURCE_DIR}/sandbox/cpython/cpython.env _ver REGEX "^CPYTHON_VERSION=")
string(REGEX REPLACE "^CPYTHON_VERSION=([0-9]+)\\.([0-9]+).*" "\\1.\\2" OBJCAP_PYTHON_XY "${_ver}")
set(_lib ${_prefix}/lib/libpython${OBJCAP_PYTHON_XY}.so.1.0)
if(NOT EXISTS ${_lib} OR NOT EXISTS ${_prefix}/include/python${OBJCAP_PYTHON_XY}/Python.h)
    message(FATAL_ERROR "objcap: ${_prefix} is not a CPython ${OBJCAP_PYTHON_XY} prefix")
endif()
message(STATUS "objcap: patched CPython in ${_prefix}")
set(OBJCAP_CPYTHON_PREFIX_USED ${_prefix} CACHE INTERNAL "")

file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/lib ${CMAKE_BINARY_DIR}/bin)
file(COPY ${_lib} DESTINATION ${CMAKE_BINARY_DIR}/lib)
file(CREATE_LINK ${_prefix}/lib/python${OBJCAP_PYTHON_XY}
     ${CMAKE_BINARY_DIR}/lib/python${OBJCAP_PYTHON_XY} SYMBOLIC)
file(CREATE_LINK ${_prefix}/bin/python${OBJCAP_PYTHON_XY}
     ${CMAKE_BINARY_DIR}/bin/python${OBJCAP_PYTHON_XY} SYMBOLIC)

add_library(objcap_python SHARED IMPORTED GLOBAL)
set_target_properties(objcap_python PROPERTIES
    IMPORTED_LOCATION ${CMAKE_BINARY_DIR}/lib/libpython${OBJCAP_PYTHON_XY}.so.1.0
    IMPORTED_SONAME libpython${OBJCAP_PYTHON_XY}.so.1.0
    INTERFACE_INCLUDE_DIRECTORIES ${_prefix}/include/python${OBJCAP_PYTHON_XY})
add_library(objcap::python ALIAS objcap_python)
