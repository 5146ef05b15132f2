# docs.cmake -- the README's generated examples must be what the program prints (tools/readme_examples.py).
find_program(SW_PYTHON3 python3)
if(TARGET saywho_cli AND SW_PYTHON3)
  add_test(NAME readme_examples
           COMMAND ${SW_PYTHON3} ${PROJECT_SOURCE_DIR}/tools/readme_examples.py
                   $<TARGET_FILE:saywho_cli> --check)
endif()
