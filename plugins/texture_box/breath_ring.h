// plugins/texture_box/breath_ring.h: the size of the grounding session's breath guide (a ring, and a soft
// circle in it that grows with the in-breath). Pure arithmetic, so the model target holds it and the native
// suite tests it; texture_box_view_session.cpp draws it.
#pragma once

namespace toward::texture_box {

struct BreathRing {
  float outer = 0;   // the ring's radius (the circle's largest)
  float inner = 0;   // the circle's smallest radius
};

// For a place `width` x `height` (pixels) and the breath words' widest line `wordsWidth` at text size
// `fontPx`: about a third of the smaller side, never narrower than the words (at any text size), never
// wider than the place.
BreathRing breathRing(float width, float height, float wordsWidth, float fontPx);

}  // namespace toward::texture_box
