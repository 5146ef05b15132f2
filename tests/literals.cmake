# literals.cmake -- language is data: the C code of the stages holds no word as a string literal
# (output labels aside), tools/word_literals.py --check.
find_program(SW_PYTHON3 python3)
if(SW_PYTHON3)
  add_test(NAME no_word_literals COMMAND ${SW_PYTHON3} ${PROJECT_SOURCE_DIR}/tools/word_literals.py --check)
endif()
