// core/platform/platform_native.cpp: the platform for tests and command-line tools: data lives in a
// folder on disk (TOWARD_DATA, default ./toward-data); files are durable once written (fsync).
#ifndef __EMSCRIPTEN__
#include <chrono>
#include <cstdlib>

#include "core/platform/platform.h"

namespace toward::core {
namespace {

class NoTextInput final : public TextInputService {
 public:
  bool available() const override { return false; }
  bool place(const TextFieldPlacement&, std::string&) override { return false; }
  void endFrame() override {}
  bool hasFocus() const override { return false; }
  void setStyle(uint32_t, uint32_t, uint32_t, float) override {}
};

class NativePlatform final : public Platform {
 public:
  int64_t nowMs() const override {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  }
  std::string dataRoot() const override {
    const char* dir = std::getenv("TOWARD_DATA");
    return dir && *dir ? dir : "toward-data";
  }
  void startSync(std::function<void(bool, const std::string&)> done) override { done(true, {}); }
  TextInputService& textInput() override { return m_text; }
  void copyToClipboard(const std::string&) override {}
  void wake() override {}
  bool prefersReducedMotion() const override { return false; }
  bool prefersDarkTheme() const override { return false; }

 private:
  NoTextInput m_text;
};

}  // namespace

std::unique_ptr<Platform> makePlatform() { return std::make_unique<NativePlatform>(); }

}  // namespace toward::core
#endif
