// core/ui/texture_pixels.h: how many times a texture's pixels were put on the GPU (a photo, the font atlas).
// The web frame leaves the canvas alone when a frame would draw exactly what it already shows; the draw data
// names textures but not their pixels, so an upload counts here and makes the next frame draw.
#pragma once
#include <cstdint>

namespace toward::ui {

// Call after every glTexImage2D / glTexSubImage2D of a texture the UI draws with.
inline uint64_t& texturePixelsGeneration() {
  static uint64_t generation = 0;
  return generation;
}
inline void noteTexturePixelsChanged() { ++texturePixelsGeneration(); }

}  // namespace toward::ui
