# package.cmake -- saywho as an installed package (issue 12): `cmake --install` into a prefix under
# the build directory, then what a user of the package does with it.
#  - package_install: installs into BUILD/package-test/prefix (emptied first) and checks the files,
#    the soname and that the version agrees everywhere (tests/package/check_package.py install).
#  - package_exports: the installed libsaywho.so exports exactly the functions of the installed
#    saywho.h (the check of tests/exports.cmake, on the installed files).
#  - package_example: the README's library example, taken from README.md, built against the
#    prefix with pkg-config (shared and static) and with find_package(saywho) (saywho::saywho and
#    saywho::saywho_static), and run on examples/articles.jsonl.
#  - package_man: the installed manual pages render without a warning (man --warnings, groff -ww)
#    and document every option of the --help texts (tests/package/check_man.py).
#  - package_completion: the installed bash completion offers the commands, every option of
#    their --help texts, the values of the options that have a list, and file names
#    (tests/package/check_completion.py).
# The other package_* tests need package_install first (a ctest fixture), so `ctest -R
# package_example` installs too.
find_program(SW_PYTHON3 python3)
if(CMAKE_READELF)
  set(SW_READELF ${CMAKE_READELF})
else()
  find_program(SW_READELF readelf)
endif()
if(NOT SW_PYTHON3 OR NOT SW_READELF OR NOT PKG_CONFIG_EXECUTABLE OR NOT TARGET saywho_cli)
  return()
endif()
set(SW_PKG_TEST_DIR ${PROJECT_BINARY_DIR}/package-test)
set(SW_PKG_PREFIX ${SW_PKG_TEST_DIR}/prefix)
set(SW_PKG_ARGS --prefix ${SW_PKG_PREFIX} --libdir ${CMAKE_INSTALL_LIBDIR}
                --source ${PROJECT_SOURCE_DIR} --cmake ${CMAKE_COMMAND} --readelf ${SW_READELF})
# An ASan build installs instrumented libraries: programs built against them need the same flags.
set(SW_PKG_CFLAGS "")
if(SW_SANITIZE)
  set(SW_PKG_CFLAGS "-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all")
endif()

add_test(NAME package_install
         COMMAND ${SW_PYTHON3} ${PROJECT_SOURCE_DIR}/tests/package/check_package.py install
                 --build ${PROJECT_BINARY_DIR} ${SW_PKG_ARGS})
set_tests_properties(package_install PROPERTIES FIXTURES_SETUP sw_package TIMEOUT 120)

add_test(NAME package_exports
         COMMAND ${SW_PYTHON3} ${PROJECT_SOURCE_DIR}/tests/exports/check_exports.py
                 --nm ${CMAKE_NM} --lib ${SW_PKG_PREFIX}/${CMAKE_INSTALL_LIBDIR}/libsaywho.so
                 --header ${SW_PKG_PREFIX}/${CMAKE_INSTALL_INCLUDEDIR}/saywho.h)
set_tests_properties(package_exports PROPERTIES FIXTURES_REQUIRED sw_package)

add_test(NAME package_example
         COMMAND ${SW_PYTHON3} ${PROJECT_SOURCE_DIR}/tests/package/check_package.py example
                 ${SW_PKG_ARGS} --work ${SW_PKG_TEST_DIR}/example --cc ${CMAKE_C_COMPILER}
                 --cflags "${SW_PKG_CFLAGS}")
set_tests_properties(package_example PROPERTIES FIXTURES_REQUIRED sw_package TIMEOUT 300)

add_test(NAME package_man
         COMMAND ${SW_PYTHON3} ${PROJECT_SOURCE_DIR}/tests/package/check_man.py --prefix ${SW_PKG_PREFIX})
set_tests_properties(package_man PROPERTIES FIXTURES_REQUIRED sw_package TIMEOUT 120)

add_test(NAME package_completion
         COMMAND ${SW_PYTHON3} ${PROJECT_SOURCE_DIR}/tests/package/check_completion.py
                 --prefix ${SW_PKG_PREFIX})
set_tests_properties(package_completion PROPERTIES FIXTURES_REQUIRED sw_package TIMEOUT 120)
