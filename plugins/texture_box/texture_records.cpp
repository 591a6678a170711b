// plugins/texture_box/texture_records.cpp: see texture_records.h.
#include "plugins/texture_box/texture_records.h"

#include <algorithm>

#include "core/text_fold.h"

namespace toward::texture_box {
namespace {

std::string trimmed(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return {};
  const size_t b = s.find_last_not_of(" \t\r\n");
  return s.substr(a, b - a + 1);
}

void cleanWords(std::vector<std::string>& words) {
  std::vector<std::string> out, folded;
  for (const auto& w : words) {
    std::string t = trimmed(w);
    std::string f = core::foldForSearch(t);
    if (t.empty() || std::find(folded.begin(), folded.end(), f) != folded.end()) continue;
    folded.push_back(std::move(f));
    out.push_back(std::move(t));
  }
  words = std::move(out);
}

}  // namespace

void TextureObject::sanitize() {
  cleanWords(textures);
  cleanWords(helpTags);
  cleanWords(senses);
  const auto& known = senseVocabulary();
  senses.erase(std::remove_if(senses.begin(), senses.end(),
                              [&](const std::string& s) { return std::find(known.begin(), known.end(), s) == known.end(); }),
               senses.end());
}

void GroundingSession::sanitize() {
  if (distressBefore < 0 || distressBefore > 100) distressBefore = -1;
  if (distressAfter < 0 || distressAfter > 100) distressAfter = -1;
}

const std::vector<std::string>& textureVocabulary() {
  static const std::vector<std::string> words = {"soft", "smooth", "rough", "bumpy", "ridged", "fuzzy", "silky",
                                                 "grainy", "squishy", "cool", "warm", "heavy", "light"};
  return words;
}

const std::vector<std::string>& senseVocabulary() {
  static const std::vector<std::string> senses = {"touch", "smell", "sound", "sight", "taste"};
  return senses;
}

const std::vector<uint32_t>& sessionMinutes() {
  static const std::vector<uint32_t> minutes = {1, 2, 3, 5};
  return minutes;
}

core::ImageLimits photoLimits() { return core::ImageLimits{}; }

std::string photoProblem(const core::PickedImage& image, const core::ImageLimits& limits) {
  using S = core::PickedImage::Status;
  if (image.status == S::Cancelled) return "No picture was chosen, and that is fine.";
  if (image.status == S::TooLarge || image.inputBytes > limits.maxInputBytes) {
    return "This picture is a very large file (over 20 MB), more than Toward can take. A smaller photo, or a "
           "screenshot of this one, will work. Nothing was changed.";
  }
  if (image.status == S::TooManyPixels || std::max(image.sourceWidth, image.sourceHeight) > limits.maxSourceSide) {
    return "This picture is very wide or tall (over 10,000 pixels on a side), more than Toward can take. A "
           "smaller version of it will work. Nothing was changed.";
  }
  if (image.status == S::Unreadable) {
    return "This file could not be opened as a picture: it may be damaged, or in a format this browser does not "
           "read. A JPEG or PNG photo usually works. Nothing was changed.";
  }
  if (image.width <= 0 || image.height <= 0 || std::max(image.width, image.height) > limits.maxSide ||
      image.jpeg.empty()) {
    return "This picture could not be made ready. Trying again, or another photo, may work. "
           "Nothing was changed.";
  }
  return {};
}

namespace {
constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
}

std::string base64Encode(const std::string& bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t n = (uint32_t(uint8_t(bytes[i])) << 16) | (uint32_t(uint8_t(bytes[i + 1])) << 8) | uint8_t(bytes[i + 2]);
    out += kB64[(n >> 18) & 63]; out += kB64[(n >> 12) & 63]; out += kB64[(n >> 6) & 63]; out += kB64[n & 63];
  }
  if (i < bytes.size()) {
    uint32_t n = uint32_t(uint8_t(bytes[i])) << 16;
    if (i + 1 < bytes.size()) n |= uint32_t(uint8_t(bytes[i + 1])) << 8;
    out += kB64[(n >> 18) & 63];
    out += kB64[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kB64[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

bool base64Decode(const std::string& text, std::string& out) {
  out.clear();
  if (text.size() % 4 != 0) return false;
  out.reserve(text.size() / 4 * 3);
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  for (size_t i = 0; i < text.size(); i += 4) {
    int v[4];
    int pad = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = text[i + size_t(k)];
      if (c == '=' && i + 4 == text.size() && k >= 2) { v[k] = 0; ++pad; continue; }
      if (pad) return false;
      v[k] = value(c);
      if (v[k] < 0) return false;
    }
    const uint32_t n = (uint32_t(v[0]) << 18) | (uint32_t(v[1]) << 12) | (uint32_t(v[2]) << 6) | uint32_t(v[3]);
    out += char((n >> 16) & 255);
    if (pad < 2) out += char((n >> 8) & 255);
    if (pad < 1) out += char(n & 255);
  }
  return true;
}

}  // namespace toward::texture_box
