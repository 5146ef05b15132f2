# language.cmake -- a second language pack, built from data only: tests/lang/xx/ (an invented
# language) goes through tools/gen_pack.py into the test program twice, as it is and with the
# edits of tests/lang/xx.edit applied to a copy (a new speech verb, cue phrase, abbreviation and
# title). tests/lang/test_language_pack.c reads the same sentences with both packs and the
# English one: the C code is the same, only the data differs.
find_program(SW_PYTHON3 python3)
if(NOT SW_PYTHON3)
  # Building saywho needs no Python (scripts/install-deps.sh demo has none); the tests do, and
  # scripts/test.sh installs it (install-deps.sh test).
  message(STATUS "python3 not found: test_language_pack and the other Python-driven tests are left out")
  return()
endif()
set(SW_XX_DIR ${PROJECT_SOURCE_DIR}/tests/lang/xx)
set(SW_XX_EDITS ${PROJECT_SOURCE_DIR}/tests/lang/xx.edit)
set(SW_GEN_PACK ${PROJECT_SOURCE_DIR}/tools/gen_pack.py)
file(GLOB SW_XX_FILES CONFIGURE_DEPENDS ${SW_XX_DIR}/*)
set(SW_GEN_PACK_DEPS ${SW_GEN_PACK} ${PROJECT_SOURCE_DIR}/tools/verb_inflection.py
                     ${PROJECT_SOURCE_DIR}/data/features.tsv)
add_custom_command(
  OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/pack_xx.c
  COMMAND ${SW_PYTHON3} ${SW_GEN_PACK} --pack ${SW_XX_DIR} --symbol sw_pack_xx
          --out ${CMAKE_CURRENT_BINARY_DIR}/pack_xx.c
  DEPENDS ${SW_XX_FILES} ${SW_GEN_PACK_DEPS}
  COMMENT "language pack xx (tests/lang/xx)")
add_custom_command(
  OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/pack_xx_edited.c
  COMMAND ${SW_PYTHON3} ${PROJECT_SOURCE_DIR}/tests/lang/apply_edits.py ${SW_XX_DIR} ${SW_XX_EDITS}
          ${CMAKE_CURRENT_BINARY_DIR}/xx-edited
  COMMAND ${SW_PYTHON3} ${SW_GEN_PACK} --pack ${CMAKE_CURRENT_BINARY_DIR}/xx-edited --symbol sw_pack_xx_edited
          --out ${CMAKE_CURRENT_BINARY_DIR}/pack_xx_edited.c
  DEPENDS ${SW_XX_FILES} ${SW_XX_EDITS} ${PROJECT_SOURCE_DIR}/tests/lang/apply_edits.py ${SW_GEN_PACK_DEPS}
  COMMENT "language pack xx with tests/lang/xx.edit applied")
add_executable(test_language_pack ${PROJECT_SOURCE_DIR}/tests/lang/test_language_pack.c
               ${CMAKE_CURRENT_BINARY_DIR}/pack_xx.c ${CMAKE_CURRENT_BINARY_DIR}/pack_xx_edited.c)
target_include_directories(test_language_pack PRIVATE ${PROJECT_SOURCE_DIR}/src/core ${PROJECT_SOURCE_DIR}/src
                                                      ${PROJECT_SOURCE_DIR}/tests)
target_compile_definitions(test_language_pack PRIVATE _POSIX_C_SOURCE=200809L)
target_link_libraries(test_language_pack PRIVATE saywho)
add_test(NAME test_language_pack COMMAND test_language_pack)
