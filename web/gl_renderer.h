// web/gl_renderer.h: draws Dear ImGui's frame with WebGL 2 (OpenGL ES 3.0), in place of the stock
// backend's renderer (imgui_impl_opengl3; its SDL2 platform backend is still used for input).
// Why our own: the stock renderer saves and restores about 25 pieces of GL state around every frame
// (glGetIntegerv, glIsEnabled), for apps that share their GL context with other drawing. In a browser
// each of those is a WebGL getParameter that waits on the GPU process: measured on the progress page,
// 4.8 ms of a 7.3 ms median frame went to getParameter alone. Toward is the only user of its context,
// so this renderer sets the state it needs and never reads any back.
// Textures: an ImTextureID is a GL texture name (the font atlas here, photos in plugins/texture_box).
#pragma once
#include <imgui.h>

namespace toward::web {

// Compiles the shaders and makes the buffers; false (nothing drawn) when WebGL refuses.
bool glRendererInit();
// Uploads the font atlas as built (ui::buildFonts), replacing the last one.
void glRendererUploadFonts();
// Draws the frame ImGui::Render() made into the current framebuffer (cleared by the caller). Leaves the
// scissor test off, so the next frame's clear reaches the whole canvas.
void glRendererDraw(const ImDrawData* data);

}  // namespace toward::web
