# spec.cmake -- the spec examples (tests/spec/*.md) through the program; the library side is
# tests/test_spec.c, registered with the unit tests as `test_spec`.
find_program(SW_PYTHON3 python3)
if(TARGET saywho_cli AND SW_PYTHON3)
  add_test(NAME spec_cli
           COMMAND ${SW_PYTHON3} ${PROJECT_SOURCE_DIR}/tests/cli/spec_cli.py
                   --saywho $<TARGET_FILE:saywho_cli>)
  set_tests_properties(spec_cli PROPERTIES TIMEOUT 300)
endif()
