// tests/core/platform_download_test.cpp: a file handed over in parts (Platform::downloadPart) is offered
// whole, in order, once finished; a dropped one is never offered and leaves nothing in the next file.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/platform/platform.h"

using namespace toward;

namespace {

struct NoText final : core::TextInputService {
  bool place(const core::TextFieldPlacement&, std::string&) override { return false; }
  void endFrame() override {}
  bool hasFocus() const override { return false; }
  void setStyle(uint32_t, uint32_t, uint32_t, float) override {}
};

// A platform that keeps what it offers; everything else is the interface's defaults.
struct OfferingPlatform final : core::Platform {
  struct Offer {
    std::string name, mime, bytes;
  };
  std::vector<Offer> offered;
  NoText text;
  int64_t nowMs() const override { return 0; }
  std::string dataRoot() const override { return "/"; }
  void startSync(std::function<void(bool, const std::string&)> done) override { done(true, ""); }
  core::TextInputService& textInput() override { return text; }
  void copyToClipboard(const std::string&) override {}
  void wake() override {}
  bool prefersReducedMotion() const override { return false; }
  bool prefersDarkTheme() const override { return false; }
  void downloadFile(const std::string& name, const std::string& mime, const std::string& bytes) override {
    offered.push_back({name, mime, bytes});
  }
};

}  // namespace

TEST_CASE("[platform] a file handed over in parts is offered whole once finished; a dropped one never") {
  OfferingPlatform p;
  p.downloadPart("left ");
  p.downloadPart("part way");
  p.downloadDrop();
  CHECK(p.offered.empty());
  const std::string big(300'000, 'x');
  p.downloadPart("age-encryption.org/v1\n");
  p.downloadPart(big);
  p.downloadPart(std::string_view("\0end", 4));
  CHECK(p.offered.empty());   // nothing before the finish
  p.downloadFinish("toward-backup.age", "application/octet-stream");
  REQUIRE(p.offered.size() == 1);
  CHECK(p.offered[0].name == "toward-backup.age");
  CHECK(p.offered[0].mime == "application/octet-stream");
  CHECK(p.offered[0].bytes == "age-encryption.org/v1\n" + big + std::string("\0end", 4));
  p.downloadPart("next");
  p.downloadFinish("second.age", "application/octet-stream");
  REQUIRE(p.offered.size() == 2);
  CHECK(p.offered[1].bytes == "next");   // a new file after a finish
}
