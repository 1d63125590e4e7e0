# The one helper that registers every test.
#
# objcap_add_qtest(<name> SOURCES <files> [LIBS <targets>] LABELS <labels> [TIMEOUT <s>]
#                  [PER_FUNCTION | CASES <files...>])
#
# Builds a Qt Test executable into build/tests. With PER_FUNCTION, every test function declared
# in the "private slots:" section of the first source file ("void name();", minus Qt Test's
# fixtures and _data tables) becomes its
# own CTest test run in its own process, which every test that creates interpreters needs:
# CPython is initialised once per process. With CASES, every file <dir>/<base>.<ext> becomes a
# test <name>.<dir>.<base> running `<name> <dir>:<base>`: the data row <base> of the test
# function named like the file's directory.
# GUI tests get the offscreen platform.
# objcap_add_plugin_tests(<plugins folder>)
#
# Every plugin folder there with a tests/ folder becomes a test plugin.<name> running
# `objcap test <folder>` (label plugins).
function(objcap_add_plugin_tests root)
    file(GLOB folders LIST_DIRECTORIES true CONFIGURE_DEPENDS ${root}/*)
    foreach(folder IN LISTS folders)
        if(IS_DIRECTORY ${folder}/tests)
            get_filename_component(name ${folder} NAME)
            add_test(NAME plugin.${name} COMMAND objcap test ${folder})
            set_tests_properties(plugin.${name} PROPERTIES LABELS plugins TIMEOUT 120)
        endif()
    endforeach()
endfunction()

function(objcap_add_qtest name)
    cmake_parse_arguments(T "PER_FUNCTION" "TIMEOUT" "SOURCES;LIBS;LABELS;CASES" ${ARGN})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    add_executable(${name} ${T_SOURCES})
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
    target_link_libraries(${name} PRIVATE Qt6::Test ${T_LIBS})
    target_compile_definitions(${name} PRIVATE
        OBJCAP_BIN_DIR="${CMAKE_BINARY_DIR}/bin"
        OBJCAP_SOURCE_DIR="${CMAKE_SOURCE_DIR}")

    set(tests ${name})
    if(T_PER_FUNCTION)
        list(GET T_SOURCES 0 main_source)
        get_filename_component(main_source ${main_source} ABSOLUTE)
        # A new test function must show up without a manual re-configure.
        set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${main_source})
        file(READ ${main_source} content)
        string(REGEX MATCH "private slots:(.*)" unused "${content}")
        string(REGEX REPLACE "\n[ \t]*(private|public|protected):.*|\n};.*" "" slots "${CMAKE_MATCH_1}")
        # (no ';' in the pattern: it would split the CMake list)
        string(REGEX MATCHALL "void [A-Za-z0-9_]+\\(\\)" decls "${slots}")
        set(tests "")
        foreach(decl IN LISTS decls)
            string(REGEX REPLACE "void ([A-Za-z0-9_]+)\\(\\)" "\\1" fn "${decl}")
            if(fn MATCHES "_data$" OR fn MATCHES "^(initTestCase|cleanupTestCase|init|cleanup)$")
                continue()
            endif()
            add_test(NAME ${name}.${fn} COMMAND ${name} ${fn})
            list(APPEND tests ${name}.${fn})
        endforeach()
        if(NOT tests)
            message(FATAL_ERROR "objcap_add_qtest(${name}): no test functions found in ${main_source}")
        endif()
    elseif(T_CASES)
        set(tests "")
        foreach(case IN LISTS T_CASES)
            get_filename_component(dir ${case} DIRECTORY)
            get_filename_component(dir ${dir} NAME)
            get_filename_component(base ${case} NAME_WE)
            add_test(NAME ${name}.${dir}.${base} COMMAND ${name} ${dir}:${base})
            list(APPEND tests ${name}.${dir}.${base})
        endforeach()
    else()
        add_test(NAME ${name} COMMAND ${name})
    endif()
    set_tests_properties(${tests} PROPERTIES
        LABELS "${T_LABELS}"
        TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endfunction()
