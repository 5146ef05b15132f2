# store.cmake -- CLI-level tests of the store (included by tests/CMakeLists.txt).
# They run the saywho program: cli_test.sh checks ingest/search/quotes/speakers/stats end to end,
# crash_test.sh kills ingests with SIGKILL and compares the resumed database with a clean one
# (skipped, exit 77, when the sqlite3 shell is missing).
if(TARGET saywho_cli)
  add_test(NAME store_cli
           COMMAND sh ${PROJECT_SOURCE_DIR}/tests/store/cli_test.sh $<TARGET_FILE:saywho_cli>
                   ${PROJECT_SOURCE_DIR}/../shared)
  add_test(NAME store_crash
           COMMAND sh ${PROJECT_SOURCE_DIR}/tests/store/crash_test.sh $<TARGET_FILE:saywho_cli>
                   ${PROJECT_SOURCE_DIR}/../shared 4)
  set_tests_properties(store_cli PROPERTIES TIMEOUT 120)
  set_tests_properties(store_crash PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77)
endif()
