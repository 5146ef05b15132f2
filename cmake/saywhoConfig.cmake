# saywhoConfig.cmake -- what find_package(saywho) reads (installed in LIBDIR/cmake/saywho/).
#
# Imported targets:
#   saywho::saywho         libsaywho.so, with include/saywho.h on the include path
#   saywho::saywho_static  libsaywho.a; it also needs libutf8proc and sqlite3, found with
#                          pkg-config (as saywho's own build finds them), and is defined only when
#                          both are found
# Components: `shared` (always there) and `static` (saywho::saywho_static), so that
# find_package(saywho REQUIRED COMPONENTS static) fails with a message when the static target
# cannot be made.
include("${CMAKE_CURRENT_LIST_DIR}/saywhoTargets.cmake")
set(saywho_shared_FOUND TRUE)

if(NOT TARGET saywho::saywho_static)
  find_package(PkgConfig QUIET)
  if(PKG_CONFIG_FOUND)
    # The names libsaywho.a's link interface uses (CMakeLists.txt, pkg_check_modules).
    pkg_check_modules(SAYWHO_UTF8PROC QUIET IMPORTED_TARGET libutf8proc)
    pkg_check_modules(SAYWHO_SQLITE3 QUIET IMPORTED_TARGET sqlite3)
  endif()
  if(TARGET PkgConfig::SAYWHO_UTF8PROC AND TARGET PkgConfig::SAYWHO_SQLITE3)
    include("${CMAKE_CURRENT_LIST_DIR}/saywhoStaticTargets.cmake")
  endif()
endif()
if(TARGET saywho::saywho_static)
  set(saywho_static_FOUND TRUE)
else()
  set(saywho_static_FOUND FALSE)
  set(saywho_static_NOT_FOUND_MESSAGE
      "saywho::saywho_static needs libutf8proc and sqlite3 found by pkg-config (Debian: libutf8proc-dev, libsqlite3-dev, pkg-config)")
endif()

foreach(_saywho_component ${saywho_FIND_COMPONENTS})
  if(NOT saywho_${_saywho_component}_FOUND AND saywho_FIND_REQUIRED_${_saywho_component})
    set(saywho_FOUND FALSE)
    if(DEFINED saywho_${_saywho_component}_NOT_FOUND_MESSAGE)
      set(saywho_NOT_FOUND_MESSAGE "${saywho_${_saywho_component}_NOT_FOUND_MESSAGE}")
    else()
      set(saywho_NOT_FOUND_MESSAGE "no component '${_saywho_component}' (saywho has: shared, static)")
    endif()
  endif()
endforeach()
unset(_saywho_component)
