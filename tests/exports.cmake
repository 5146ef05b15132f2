# exports.cmake -- the shared library exports exactly the public API (issue 10).
#  - exports: the functions libsaywho.so defines in its dynamic symbol table are exactly those
#    declared (with SW_API) in include/saywho.h (tests/exports/check_exports.py says which differ).
#  - cli_shared: the CLI linked with libsaywho.so (saywho-shared, which exists so that a use of an
#    internal function by cli/ fails to link) prints what the CLI linked with libsaywho.a prints.
find_program(SW_PYTHON3 python3)
if(SW_PYTHON3 AND TARGET saywho_shared)
  add_test(NAME exports
           COMMAND ${SW_PYTHON3} ${PROJECT_SOURCE_DIR}/tests/exports/check_exports.py
                   --nm ${CMAKE_NM} --lib $<TARGET_FILE:saywho_shared>
                   --header ${PROJECT_SOURCE_DIR}/include/saywho.h)
endif()
if(SW_PYTHON3 AND TARGET saywho_cli_shared)
  add_test(NAME cli_shared
           COMMAND ${SW_PYTHON3} ${PROJECT_SOURCE_DIR}/tests/exports/cli_shared.py
                   --static $<TARGET_FILE:saywho_cli> --shared $<TARGET_FILE:saywho_cli_shared>)
  set_tests_properties(cli_shared PROPERTIES TIMEOUT 120)
endif()
