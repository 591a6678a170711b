// web/gl_renderer.cpp: see gl_renderer.h.
#include "web/gl_renderer.h"

#include <GLES3/gl3.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "core/ui/texture_pixels.h"

namespace toward::web {
namespace {

struct Renderer {
  GLuint program = 0, vao = 0, vertices = 0, indices = 0, fonts = 0;
  GLint textureAt = -1, projectionAt = -1;
};
Renderer g_gl;

// A vertex: its place in CSS pixels, its place in the texture, its colour (ImDrawVert).
constexpr const char* kVertexShader = R"(#version 300 es
precision highp float;
layout (location = 0) in vec2 place;
layout (location = 1) in vec2 uv;
layout (location = 2) in vec4 colour;
uniform mat4 projection;
out vec2 fragmentUv;
out vec4 fragmentColour;
void main() {
  fragmentUv = uv;
  fragmentColour = colour;
  gl_Position = projection * vec4(place, 0.0, 1.0);
}
)";

constexpr const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D picture;
in vec2 fragmentUv;
in vec4 fragmentColour;
layout (location = 0) out vec4 colour;
void main() {
  colour = fragmentColour * texture(picture, fragmentUv);
}
)";

GLuint compile(GLenum kind, const char* source) {
  const GLuint shader = glCreateShader(kind);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[512] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::fprintf(stderr, "[gl] a shader did not compile: %s\n", log);
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}

}  // namespace

bool glRendererInit() {
  const GLuint vertex = compile(GL_VERTEX_SHADER, kVertexShader);
  const GLuint fragment = compile(GL_FRAGMENT_SHADER, kFragmentShader);
  if (!vertex || !fragment) return false;
  g_gl.program = glCreateProgram();
  glAttachShader(g_gl.program, vertex);
  glAttachShader(g_gl.program, fragment);
  glLinkProgram(g_gl.program);
  glDeleteShader(vertex);
  glDeleteShader(fragment);
  GLint linked = 0;
  glGetProgramiv(g_gl.program, GL_LINK_STATUS, &linked);
  if (!linked) {
    std::fprintf(stderr, "[gl] the shaders did not link\n");
    return false;
  }
  g_gl.textureAt = glGetUniformLocation(g_gl.program, "picture");
  g_gl.projectionAt = glGetUniformLocation(g_gl.program, "projection");

  // The vertex layout is kept in the vertex array, with its index buffer.
  glGenVertexArrays(1, &g_gl.vao);
  glGenBuffers(1, &g_gl.vertices);
  glGenBuffers(1, &g_gl.indices);
  glBindVertexArray(g_gl.vao);
  glBindBuffer(GL_ARRAY_BUFFER, g_gl.vertices);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g_gl.indices);
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  const auto at = [](size_t offset) { return reinterpret_cast<const void*>(offset); };
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, col)));
  glBindVertexArray(0);

  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "toward_webgl2";
  return true;
}

void glRendererUploadFonts() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  if (g_gl.fonts) glDeleteTextures(1, &g_gl.fonts);
  glGenTextures(1, &g_gl.fonts);
  glBindTexture(GL_TEXTURE_2D, g_gl.fonts);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  ui::noteTexturePixelsChanged();
  io.Fonts->SetTexID(ImTextureID(intptr_t(g_gl.fonts)));
}

void glRendererDraw(const ImDrawData* data) {
  const ImVec2 scale = data->FramebufferScale;
  const int width = int(data->DisplaySize.x * scale.x), height = int(data->DisplaySize.y * scale.y);
  if (width <= 0 || height <= 0 || !g_gl.program) return;

  // Straight alpha over the cleared page; no depth, no culling; the clip rectangles as scissors.
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_SCISSOR_TEST);
  glViewport(0, 0, width, height);

  // CSS pixels (top left at DisplayPos) to clip space.
  const float l = data->DisplayPos.x, r = l + data->DisplaySize.x;
  const float t = data->DisplayPos.y, b = t + data->DisplaySize.y;
  const float projection[16] = {
      2.0f / (r - l), 0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1.0f, 0, (r + l) / (l - r), (t + b) / (b - t), 0, 1.0f,
  };
  glUseProgram(g_gl.program);
  glUniform1i(g_gl.textureAt, 0);
  glUniformMatrix4fv(g_gl.projectionAt, 1, GL_FALSE, projection);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(g_gl.vao);
  glBindBuffer(GL_ARRAY_BUFFER, g_gl.vertices);

  GLuint bound = 0;
  bool anyBound = false;
  const GLenum indexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(list->VtxBuffer.Size) * GLsizeiptr(sizeof(ImDrawVert)), list->VtxBuffer.Data,
                 GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(list->IdxBuffer.Size) * GLsizeiptr(sizeof(ImDrawIdx)),
                 list->IdxBuffer.Data, GL_STREAM_DRAW);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        // None of Toward's own; ImGui's "reset the render state" needs nothing here (never read back).
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
        continue;
      }
      const float x0 = (cmd.ClipRect.x - l) * scale.x, y0 = (cmd.ClipRect.y - t) * scale.y;
      const float x1 = (cmd.ClipRect.z - l) * scale.x, y1 = (cmd.ClipRect.w - t) * scale.y;
      if (x1 <= x0 || y1 <= y0) continue;
      glScissor(GLint(x0), GLint(float(height) - y1), GLsizei(x1 - x0), GLsizei(y1 - y0));   // GL counts from the bottom
      const auto texture = GLuint(intptr_t(cmd.GetTexID()));
      if (!anyBound || texture != bound) {
        glBindTexture(GL_TEXTURE_2D, texture);
        bound = texture;
        anyBound = true;
      }
      glDrawElements(GL_TRIANGLES, GLsizei(cmd.ElemCount), indexType,
                     reinterpret_cast<const void*>(size_t(cmd.IdxOffset) * sizeof(ImDrawIdx)));
    }
  }
  glBindVertexArray(0);
  glDisable(GL_SCISSOR_TEST);
}

}  // namespace toward::web
