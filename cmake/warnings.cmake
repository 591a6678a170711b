# toward_warnings: the warning flags every target of ours uses (not applied to third-party code).
add_library(toward_warnings INTERFACE)
target_compile_options(toward_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wno-unused-parameter)

# toward_assert_model_target(target): fails the configure step when a model target (core or a plugin's
# model) links ImGui or SDL. Model targets also never see their include paths, so an #include of
# imgui.h in model code does not compile. (ARCHITECTURE.md, principle 2.)
function(toward_assert_model_target target)
  get_target_property(libs ${target} LINK_LIBRARIES)
  foreach(lib IN LISTS libs)
    if(lib MATCHES "imgui|sdl|SDL")
      message(FATAL_ERROR "${target} is a model target and must not link ${lib}")
    endif()
  endforeach()
endfunction()
