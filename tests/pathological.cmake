# pathological.cmake -- time bounds for the pathological-input tests (tests/test_pathological.c is
# registered with the unit tests; this only sets its limit: 50 MB inputs must stay fast, also under
# the sanitizers).
if(TEST test_pathological)
  set_tests_properties(test_pathological PROPERTIES TIMEOUT 600)
endif()
