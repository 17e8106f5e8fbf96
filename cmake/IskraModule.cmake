# iskra_module(NAME DEPS ...) builds src/iskra/NAME/*.cpp into the static library iskra_NAME.
# The file list is globbed so that adding a file to a module needs no CMake edit.
function(iskra_module name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/iskra/${name}/*.cpp)
  if(NOT sources)
    add_library(iskra_${name} INTERFACE)
    target_include_directories(iskra_${name} INTERFACE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/include)
    target_link_libraries(iskra_${name} INTERFACE ${ARG_DEPS} Threads::Threads fmt::fmt)
    return()
  endif()
  add_library(iskra_${name} STATIC ${sources})
  target_include_directories(iskra_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/include)
  target_link_libraries(iskra_${name} PUBLIC ${ARG_DEPS} Threads::Threads fmt::fmt)
endfunction()

# iskra_test_suite(MODULE DEPS ...) builds tests/MODULE/*_test.cpp into one GoogleTest binary.
function(iskra_test_suite name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/${name}/*_test.cpp)
  if(NOT sources)
    return()
  endif()
  add_executable(${name}_tests ${sources})
  target_link_libraries(${name}_tests PRIVATE ${ARG_DEPS} iskra_test_support GTest::gtest GTest::gtest_main GTest::gmock)
  gtest_discover_tests(${name}_tests
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    PROPERTIES ENVIRONMENT "ISKRA_SOURCE_DIR=${PROJECT_SOURCE_DIR};ISKRA_BINARY_DIR=${PROJECT_BINARY_DIR}"
    DISCOVERY_TIMEOUT 60)
endfunction()
