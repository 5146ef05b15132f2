# cli.cmake -- tests of the saywho program as a user runs it (tests/cli/test_cli.py) and of its
# command line: option forms, usage errors, help, --output, width, colour (tests/cli/test_options.py).
find_program(SW_PYTHON3 python3)
if(TARGET saywho_cli AND SW_PYTHON3)
  add_test(NAME cli
           COMMAND ${SW_PYTHON3} ${PROJECT_SOURCE_DIR}/tests/cli/test_cli.py
                   --saywho $<TARGET_FILE:saywho_cli>)
  set_tests_properties(cli PROPERTIES TIMEOUT 600)
  add_test(NAME cli_options
           COMMAND ${SW_PYTHON3} ${PROJECT_SOURCE_DIR}/tests/cli/test_options.py
                   --saywho $<TARGET_FILE:saywho_cli>)
  set_tests_properties(cli_options PROPERTIES TIMEOUT 300)
endif()
# test_ingest.py: ingest never loses or silently replaces an article (issue 12): ids, conflicts,
# SIGINT/SIGTERM, writes to /dev/full for every command, no database left by a failed run.
if(TARGET saywho_cli AND SW_PYTHON3)
  add_test(NAME cli_ingest
           COMMAND ${SW_PYTHON3} ${PROJECT_SOURCE_DIR}/tests/cli/test_ingest.py
                   --saywho $<TARGET_FILE:saywho_cli> --shared ${PROJECT_SOURCE_DIR}/../shared)
  set_tests_properties(cli_ingest PROPERTIES TIMEOUT 600)
endif()
