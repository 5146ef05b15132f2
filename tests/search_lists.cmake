# search_lists.cmake -- the store commands' searches and lists as people expect them
# (tests/cli/test_search_lists.py): punctuated search terms, FTS5 syntax and its errors, feed dates,
# speakers filters, gender shares, JSON null.
find_program(SW_PYTHON3 python3)
if(TARGET saywho_cli AND SW_PYTHON3)
  add_test(NAME cli_search_lists
           COMMAND ${SW_PYTHON3} ${PROJECT_SOURCE_DIR}/tests/cli/test_search_lists.py
                   --saywho $<TARGET_FILE:saywho_cli>)
  set_tests_properties(cli_search_lists PROPERTIES TIMEOUT 300)
endif()
