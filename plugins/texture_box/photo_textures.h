// plugins/texture_box/photo_textures.h: GPU textures for the photos that are on screen, and only those.
// A photo drawn this frame is decoded by the browser (Platform::decodeImage, a few at a time) into RGBA at
// a small size for the grid (kThumbSide) or a larger one for the object's page (kLargeSide), uploaded
// with GL at the start of a later frame (a few per frame, so no frame stalls), and freed once it has not
// been drawn for kIdleFrames frames or when more than kMaxTextures are held (least recently drawn first).
// GPU memory is therefore bounded by kMaxTextures * kThumbSide² * 4 bytes plus a few large ones.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include <imgui.h>

#include "core/platform/platform.h"

namespace toward::texture_box {

struct PhotoGpuStats {
  uint32_t textures = 0;   // held now
  double bytes = 0;        // their pixels, bytes
  uint32_t peakTextures = 0;
  double peakBytes = 0;
  uint32_t uploads = 0;    // since start
  double maxUploadMs = 0;  // the longest one frame spent uploading (since the last reset)
  double maxPrepareMs = 0; // the longest one frame spent reading photo records to start decodes (since the last reset)
};
// Figures for the benchmark (window.towardTest.texturePhotoStats); reset = start peaks anew.
PhotoGpuStats photoGpuStats(bool resetPeaks);

class PhotoTextures {
 public:
  static constexpr int kThumbSide = 192;
  static constexpr int kLargeSide = 512;
  static constexpr size_t kMaxTextures = 72;
  static constexpr uint64_t kIdleFrames = 180;
  static constexpr int kMaxDecodesInFlight = 4;
  static constexpr int kMaxUploadsPerFrame = 2;
  static constexpr int kMaxDecodeStartsPerFrame = 1;   // each reads and un-base64s one photo record

  explicit PhotoTextures(core::Platform& platform);
  ~PhotoTextures();
  PhotoTextures(const PhotoTextures&) = delete;
  PhotoTextures& operator=(const PhotoTextures&) = delete;

  // Call once per drawn frame before drawing photos: uploads decoded pictures, frees idle textures.
  void beginFrame();
  // The texture of photo `photoId` (JPEG bytes from `bytes()` when it must be decoded) at thumbnail or
  // large size; false while it is being prepared (a frame is requested when it is ready).
  bool get(const std::string& photoId, bool large, const std::function<std::string()>& bytes, ImTextureID& texture,
           ImVec2& size);
  // Hands over pixels already decoded (a photo just picked), so it shows without decoding again.
  void seed(const std::string& photoId, bool large, int w, int h, std::string rgba);
  // True while decodes or uploads are waiting (the view keeps drawing frames until they are done).
  bool busy() const;

 private:
  struct Entry {
    unsigned tex = 0;
    int w = 0, h = 0;
    uint64_t lastUsed = 0;
    bool decoding = false;
    bool failed = false;
    std::string pending;   // decoded RGBA waiting for upload
  };
  void release(Entry& e);

  core::Platform& m_platform;
  std::map<std::string, Entry> m_entries;   // key: photoId + "#s" / "#l"
  uint64_t m_frame = 0;
  int m_inFlight = 0;
  int m_startedThisFrame = 0;
  double m_prepareMsThisFrame = 0;
  std::shared_ptr<PhotoTextures*> m_self;   // callbacks arriving after destruction find nullptr
};

}  // namespace toward::texture_box
