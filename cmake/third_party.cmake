# Third-party libraries, all from Debian (see scripts/setup, which fetches and caches them):
#   cereal, rapidjson, doctest  header-only, from libcereal-dev, rapidjson-dev, doctest-dev
#   Dear ImGui                  source package imgui (trixie), compiled here (web only)
#   SDL2                        source package libsdl2 (bookworm), built once for the web by scripts/setup
# emcc must never see /usr/include (glibc headers would leak in), so the header-only libraries are
# exposed through a directory holding only symlinks to them.

set(TOWARD_SYSDEPS_INCLUDE "${CMAKE_BINARY_DIR}/sysdeps/include")
file(MAKE_DIRECTORY "${TOWARD_SYSDEPS_INCLUDE}")
foreach(dep cereal rapidjson doctest)
  if(NOT EXISTS "/usr/include/${dep}")
    message(FATAL_ERROR "/usr/include/${dep} is missing: run ./scripts/setup")
  endif()
  file(CREATE_LINK "/usr/include/${dep}" "${TOWARD_SYSDEPS_INCLUDE}/${dep}" SYMBOLIC)
endforeach()

add_library(toward_headers INTERFACE)
target_include_directories(toward_headers SYSTEM INTERFACE "${TOWARD_SYSDEPS_INCLUDE}")
# Records are parsed with cereal, which reports errors by throwing: exceptions must be on (web too).
option(TOWARD_WASM_EXCEPTIONS "web: WebAssembly's own exceptions (-fwasm-exceptions), not JavaScript trampolines" ON)
if(EMSCRIPTEN AND TOWARD_WASM_EXCEPTIONS)
  target_compile_options(toward_headers INTERFACE -fwasm-exceptions)
  target_link_options(toward_headers INTERFACE -fwasm-exceptions)
else()
  target_compile_options(toward_headers INTERFACE -fexceptions)
  target_link_options(toward_headers INTERFACE -fexceptions)
endif()

if(EMSCRIPTEN)
  set(TOWARD_THIRD_PARTY_ENV "${CMAKE_SOURCE_DIR}/build/third_party.env" CACHE FILEPATH "written by scripts/setup")
  if(NOT EXISTS "${TOWARD_THIRD_PARTY_ENV}")
    message(FATAL_ERROR "${TOWARD_THIRD_PARTY_ENV} is missing: run ./scripts/setup")
  endif()
  file(STRINGS "${TOWARD_THIRD_PARTY_ENV}" _tp_lines)
  foreach(line IN LISTS _tp_lines)
    if(line MATCHES "^([A-Z_]+)=(.*)$")
      set(${CMAKE_MATCH_1} "${CMAKE_MATCH_2}")
    endif()
  endforeach()

  # SDL2 (static, built by scripts/setup). Include SDL2/ explicitly, or <SDL.h> finds Emscripten's SDL 1.2.
  add_library(toward_sdl2 INTERFACE)
  target_include_directories(toward_sdl2 SYSTEM INTERFACE "${SDL_WEB}/include/SDL2" "${SDL_WEB}/include")
  target_link_libraries(toward_sdl2 INTERFACE "${SDL_WEB}/lib/libSDL2.a")

  # Dear ImGui with the SDL2 and OpenGL3 (WebGL2) backends.
  add_library(toward_imgui STATIC
    ${IMGUI_SRC}/imgui.cpp ${IMGUI_SRC}/imgui_draw.cpp ${IMGUI_SRC}/imgui_tables.cpp
    ${IMGUI_SRC}/imgui_widgets.cpp ${IMGUI_SRC}/misc/cpp/imgui_stdlib.cpp)
  target_include_directories(toward_imgui SYSTEM PUBLIC "${IMGUI_SRC}" "${IMGUI_SRC}/misc/cpp")
  # IMGUI_ENABLE_TEST_ENGINE: ImGui calls item hooks (id, rectangle, label, state) that core/ui/a11y.cpp
  # defines, to build the screen readers' semantics tree. Not the Dear ImGui Test Engine library.
  target_compile_definitions(toward_imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_DEMO_WINDOWS
    IMGUI_ENABLE_TEST_ENGINE
    "IMGUI_USER_CONFIG=\"${CMAKE_SOURCE_DIR}/core/ui/imconfig_toward.h\"")

  add_library(toward_imgui_backends STATIC
    ${IMGUI_SRC}/backends/imgui_impl_sdl2.cpp ${IMGUI_SRC}/backends/imgui_impl_opengl3.cpp)
  target_include_directories(toward_imgui_backends SYSTEM PUBLIC "${IMGUI_SRC}/backends")
  # WebGL2 is OpenGL ES 3 ("#version 300 es"); the backend would pick ES2 on Emscripten by itself.
  target_compile_definitions(toward_imgui_backends PUBLIC IMGUI_IMPL_OPENGL_ES3)
  target_link_libraries(toward_imgui_backends PUBLIC toward_imgui toward_sdl2)
endif()
