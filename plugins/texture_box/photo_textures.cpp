// plugins/texture_box/photo_textures.cpp: see photo_textures.h.
#include "plugins/texture_box/photo_textures.h"

#include <GLES3/gl3.h>

#include "core/ui/texture_pixels.h"

#include <algorithm>
#include <chrono>
#include <vector>

namespace toward::texture_box {
namespace {
PhotoGpuStats g_stats;
}

PhotoGpuStats photoGpuStats(bool resetPeaks) {
  PhotoGpuStats s = g_stats;
  if (resetPeaks) {
    g_stats.peakTextures = g_stats.textures;
    g_stats.peakBytes = g_stats.bytes;
    g_stats.maxUploadMs = 0;
    g_stats.maxPrepareMs = 0;
  }
  return s;
}

PhotoTextures::PhotoTextures(core::Platform& platform)
    : m_platform(platform), m_self(std::make_shared<PhotoTextures*>(this)) {}

PhotoTextures::~PhotoTextures() {
  *m_self = nullptr;
  for (auto& [key, e] : m_entries) release(e);
}

void PhotoTextures::release(Entry& e) {
  if (!e.tex) return;
  GLuint t = e.tex;
  glDeleteTextures(1, &t);
  e.tex = 0;
  g_stats.textures -= 1;
  g_stats.bytes -= double(e.w) * e.h * 4;
}

bool PhotoTextures::busy() const {
  if (m_inFlight > 0) return true;
  for (const auto& [key, e] : m_entries) if (!e.pending.empty()) return true;
  return false;
}

void PhotoTextures::beginFrame() {
  ++m_frame;
  m_startedThisFrame = 0;
  g_stats.maxPrepareMs = std::max(g_stats.maxPrepareMs, m_prepareMsThisFrame);
  m_prepareMsThisFrame = 0;
  int uploads = 0;
  const auto started = std::chrono::steady_clock::now();
  for (auto& [key, e] : m_entries) {
    if (e.pending.empty() || uploads >= kMaxUploadsPerFrame) continue;
    if (e.pending.size() != size_t(e.w) * size_t(e.h) * 4) { e.pending.clear(); e.failed = true; continue; }
    GLuint t = 0;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, e.w, e.h, 0, GL_RGBA, GL_UNSIGNED_BYTE, e.pending.data());
    ui::noteTexturePixelsChanged();
    release(e);
    e.tex = t;
    std::string().swap(e.pending);
    ++uploads;
    g_stats.textures += 1;
    g_stats.bytes += double(e.w) * e.h * 4;
    g_stats.uploads += 1;
  }
  if (uploads) {
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    g_stats.maxUploadMs = std::max(g_stats.maxUploadMs, ms);
    m_platform.wake();
  }
  // Free what has not been drawn for a while.
  for (auto it = m_entries.begin(); it != m_entries.end();) {
    Entry& e = it->second;
    if (!e.decoding && m_frame - e.lastUsed > kIdleFrames) {
      release(e);
      it = m_entries.erase(it);
    } else {
      ++it;
    }
  }
  // And keep the number bounded: least recently drawn first (never one drawn in the last frame).
  size_t held = 0;
  for (const auto& [key, e] : m_entries) held += e.tex ? 1 : 0;
  if (held > kMaxTextures) {
    std::vector<std::pair<uint64_t, std::string>> byAge;
    for (const auto& [key, e] : m_entries) if (e.tex && !e.decoding) byAge.emplace_back(e.lastUsed, key);
    std::sort(byAge.begin(), byAge.end());
    for (const auto& [used, key] : byAge) {
      if (held <= kMaxTextures || used + 1 >= m_frame) break;
      release(m_entries[key]);
      m_entries.erase(key);
      --held;
    }
  }
  g_stats.peakTextures = std::max(g_stats.peakTextures, g_stats.textures);
  g_stats.peakBytes = std::max(g_stats.peakBytes, g_stats.bytes);
}

bool PhotoTextures::get(const std::string& photoId, bool large, const std::function<std::string()>& bytes,
                        ImTextureID& texture, ImVec2& size) {
  if (photoId.empty()) return false;
  Entry& e = m_entries[photoId + (large ? "#l" : "#s")];
  e.lastUsed = m_frame;
  if (e.tex) {
    texture = ImTextureID(intptr_t(e.tex));
    size = ImVec2(float(e.w), float(e.h));
    return true;
  }
  if (e.decoding || e.failed || !e.pending.empty() || m_inFlight >= kMaxDecodesInFlight ||
      m_startedThisFrame >= kMaxDecodeStartsPerFrame)
    return false;
  const auto started = std::chrono::steady_clock::now();
  const std::string jpeg = bytes();
  if (jpeg.empty()) { e.failed = true; return false; }
  e.decoding = true;
  ++m_inFlight;
  ++m_startedThisFrame;
  const std::string key = photoId + (large ? "#l" : "#s");
  std::shared_ptr<PhotoTextures*> self = m_self;
  m_platform.decodeImage(jpeg, large ? kLargeSide : kThumbSide, [self, key](core::PickedImage image) {
    PhotoTextures* me = *self;
    if (!me) return;
    --me->m_inFlight;
    auto it = me->m_entries.find(key);
    if (it == me->m_entries.end()) return;
    Entry& entry = it->second;
    entry.decoding = false;
    if (image.status != core::PickedImage::Status::Ok || image.rgba.empty()) { entry.failed = true; return; }
    entry.w = image.width;
    entry.h = image.height;
    entry.pending = std::move(image.rgba);
    me->m_platform.wake();
  });
  m_prepareMsThisFrame += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return false;
}

void PhotoTextures::seed(const std::string& photoId, bool large, int w, int h, std::string rgba) {
  if (photoId.empty() || rgba.size() != size_t(w) * size_t(h) * 4) return;
  Entry& e = m_entries[photoId + (large ? "#l" : "#s")];
  if (e.tex || e.decoding) return;
  e.w = w;
  e.h = h;
  e.lastUsed = m_frame;
  e.pending = std::move(rgba);
}

}  // namespace toward::texture_box
