# toward_warnings: the warning flags every target of ours uses (not applied to third-party code).
add_library(toward_warnings INTERFACE)
target_compile_options(toward_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wno-unused-parameter)
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  # rapidjson's iterators trip C++20's reversed-operator rule; EM_ASM/EM_JS use '$0' by design.
  target_compile_options(toward_warnings INTERFACE -Wno-ambiguous-reversed-operator -Wno-dollar-in-identifier-extension)
endif()
# toward_assert_model_target(target): fails the configure step when a model target (core or a plugin's
# model) links ImGui or SDL. Model targets also never see their include paths, so an #include of
# imgui.h in model code does not compile. (CONTRIBUTING.md, "Model and UI apart".)
function(toward_assert_model_target target)
  get_target_property(libs ${target} LINK_LIBRARIES)
  foreach(lib IN LISTS libs)
    if(lib MATCHES "imgui|sdl|SDL")
      message(FATAL_ERROR "${target} is a model target and must not link ${lib}")
    endif()
  endforeach()
endfunction()
