// plugins/texture_box/tests/texture_box_test.cpp: the texture box's model: records and golden files,
// relief statistics and their words, suggestions, session pacing, photo limits, metrics and export.
#include <doctest/doctest.h>

#include "core/record_store.h"
#include "plugins/texture_box/breath_ring.h"
#include "plugins/texture_box/texture_box_model.h"
#include "test_support.h"

using namespace toward;
using namespace toward::texture_box;

namespace {

struct Fixture {
  test::TempDir dir;
  test::FakeClock clock;
  core::Registry registry = test::appRegistry();
  core::RecordStore store{dir.path(), registry, [this] { return clock(); }};
  Fixture() {
    registerTextureBox(registry);
    store.load();
  }
};

GroundingSession rated(const std::string& objectId, int32_t before, int32_t after) {
  GroundingSession s;
  s.objectId = objectId;
  s.objectName = objectId;
  s.plannedSeconds = 120;
  s.secondsSpent = 120;
  s.distressBefore = before;
  s.distressAfter = after;
  return s;
}

core::PickedImage goodImage() {
  core::PickedImage img;
  img.status = core::PickedImage::Status::Ok;
  img.inputBytes = 300000;
  img.sourceWidth = 3000;
  img.sourceHeight = 2000;
  img.width = 512;
  img.height = 341;
  img.jpeg = std::string("\xFF\xD8\xFF\xE0 jpeg bytes \xFF\xD9", 17);
  return img;
}

}  // namespace

TEST_CASE("[texture] golden schema-1 files read with every field") {
  auto o = core::loadBody<TextureObject>(test::fixture("texture.object.v1.json"), 1);
  REQUIRE(o.isOk());
  CHECK(o.value().name == "Smooth stone");
  CHECK(o.value().textures.size() == 4);
  CHECK(o.value().senses == std::vector<std::string>{"touch", "sight"});
  CHECK(o.value().keptWhere == "Coat pocket");
  CHECK(o.value().helpTags.size() == 2);
  CHECK(o.value().favourite);
  CHECK(o.value().order == doctest::Approx(2.5));
  CHECK(o.value().photoId == "01KAYGQ4E0K7W3J9P2QY");

  auto p = core::loadBody<TexturePhoto>(test::fixture("texture.photo.v1.json"), 1);
  REQUIRE(p.isOk());
  CHECK(p.value().width == 2);
  std::string jpeg;
  REQUIRE(base64Decode(p.value().data, jpeg));
  CHECK(uint8_t(jpeg[0]) == 0xFF);
  CHECK(uint8_t(jpeg[1]) == 0xD8);

  auto s = core::loadBody<GroundingSession>(test::fixture("texture.session.v1.json"), 1);
  REQUIRE(s.isOk());
  CHECK(s.value().distressBefore == 70);
  CHECK(s.value().distressAfter == 45);
  CHECK(s.value().secondsSpent == 150);
  CHECK(s.value().rated());

  CHECK(core::loadBody<TextureObject>("{}", 2).error().code() == core::ErrorCode::TooNew);
}

TEST_CASE("[texture] senses outside the five and repeated words are dropped; odd ratings become unrated") {
  auto o = core::loadBody<TextureObject>(R"({"senses":["touch","telepathy","touch"],"textures":["soft"," Soft ",""]})", 1);
  REQUIRE(o.isOk());
  CHECK(o.value().senses == std::vector<std::string>{"touch"});
  CHECK(o.value().textures == std::vector<std::string>{"soft"});
  auto s = core::loadBody<GroundingSession>(R"({"distressBefore":140,"distressAfter":-7})", 1);
  REQUIRE(s.isOk());
  CHECK_FALSE(s.value().rated());
}

TEST_CASE("[texture] relief counts only rated sessions of that object, and is worded honestly for small numbers") {
  std::vector<GroundingSession> s = {rated("stone", 70, 60), rated("stone", 60, 56), rated("stone", 50, 46),
                                     rated("ribbon", 80, 40)};
  GroundingSession unrated = rated("stone", 70, -1);
  unrated.sanitize();
  s.push_back(unrated);
  const Relief stone = reliefOf(s, "stone");
  CHECK(stone.sessions == 3);
  CHECK(stone.averageDrop == doctest::Approx(6.0));
  CHECK(reliefWords(stone) == "helped a little, 3 times");
  CHECK(reliefWords(reliefOf(s, "ribbon")) == "tried once so far, too soon to see a pattern");
  CHECK(reliefWords(reliefOf(s, "feather")) == "not tried in a session yet");
  CHECK(reliefWords({4, 35}) == "helped quite a bit, 4 times");
  CHECK(reliefWords({2, 15}) == "helped, 2 times");
  CHECK(reliefWords({5, 0}) == "about the same before and after, 5 times");
  // Distress going up is said plainly, never as a failure or a score.
  const std::string up = reliefWords({3, -10});
  CHECK(up.find("3 times") != std::string::npos);
  CHECK(up.find("fail") == std::string::npos);
  CHECK(up.find("score") == std::string::npos);
  CHECK(up.find("stayed hard") == std::string::npos);  // about the feeling, not a verdict on the object
}

TEST_CASE("[texture] suggestions favour what helped at a similar level, then favourites and untried objects") {
  const std::vector<ObjectSummary> objects = {{"stone", false}, {"ribbon", false}, {"feather", true}, {"bead", false},
                                              {"burlap", false}};
  const std::vector<GroundingSession> s = {
      rated("stone", 80, 50), rated("stone", 75, 55),   // helps a lot when it is high
      rated("ribbon", 20, 10), rated("ribbon", 25, 15), // helps when it is low
      rated("bead", 80, 85),                            // did not ease things
  };
  auto high = suggestFrom(objects, s, 78, 3);
  REQUIRE(high.size() == 3);
  CHECK(high[0].objectId == "stone");
  CHECK(high[0].why.find("when it felt like this") != std::string::npos);
  // One session at a similar level says so plainly, not "too early to tell" right after it eased things.
  const auto once = suggestFrom({{"stone", false}}, {rated("stone", 80, 50)}, 78, 1);
  REQUIRE(once.size() == 1);
  CHECK(once[0].why == "tried once when it felt like this, too soon to see a pattern");
  CHECK(high[1].objectId == "ribbon");     // helped at other levels
  CHECK(high[2].objectId == "feather");    // a favourite
  auto low = suggestFrom(objects, s, 22, 2);
  CHECK(low[0].objectId == "ribbon");
  CHECK(low[1].objectId == "stone");
  // One lucky session does not outrank a steady helper (the mean is shrunk towards zero).
  const std::vector<GroundingSession> lucky = {rated("stone", 70, 60), rated("stone", 70, 60), rated("stone", 70, 60),
                                               rated("stone", 70, 60), rated("ribbon", 70, 55)};
  CHECK(suggestFrom(objects, lucky, 70, 1)[0].objectId == "stone");
  // An empty box suggests nothing; untried objects are offered with honest words.
  CHECK(suggestFrom({}, s, 50, 3).empty());
  auto fresh = suggestFrom({{"a", false}}, {}, 50, 3);
  REQUIRE(fresh.size() == 1);
  CHECK(fresh[0].why == "not tried in a session yet");
}

TEST_CASE("[texture] a session lasts the chosen minutes unless this model's own setting shortens it") {
  Fixture f;
  TextureBoxModel model(f.store), other(f.store);
  CHECK(model.sessionLengthMs(3) == 180000);
  model.setSessionSecondsOverride(3);
  CHECK(model.sessionLengthMs(3) == 3000);
  CHECK(model.sessionLengthMs(5) == 3000);
  CHECK(other.sessionLengthMs(3) == 180000);  // a setting of one model, not of the program
  model.setSessionSecondsOverride(-4);        // nothing below zero: as chosen
  CHECK(model.sessionLengthMs(1) == 60000);
}

TEST_CASE("[texture] pacing breathes in for 4 s and out for 6 s, with a new touch prompt every 20 s") {
  CHECK(pacingAt(0, 60000).breatheIn);
  CHECK(pacingAt(2000, 60000).breath == doctest::Approx(0.5f));
  CHECK_FALSE(pacingAt(4000, 60000).breatheIn);
  CHECK(pacingAt(7000, 60000).breath == doctest::Approx(0.5f));
  CHECK(pacingAt(10000, 60000).breatheIn);
  CHECK(pacingAt(19999, 60000).prompt == 0);
  CHECK(pacingAt(20000, 60000).prompt == 1);
  CHECK_FALSE(pacingAt(59999, 60000).finished);
  CHECK(pacingAt(60000, 60000).finished);
  CHECK(pacingAt(20000 * int64_t(touchPrompts().size()), 999999999).prompt == 0);
  // A session with just the breath has as many prompts, and none asks to hold an object.
  CHECK(breathPrompts().size() == touchPrompts().size());
  for (const auto& p : breathPrompts()) {
    CHECK(p.find("Hold it") == std::string::npos);
    CHECK(p.find(" it in your") == std::string::npos);
  }
}

TEST_CASE("[texture] photo limits: oversized, huge, corrupt or cancelled pictures get a kind message") {
  CHECK(photoProblem(goodImage()).empty());
  auto big = goodImage();
  big.status = core::PickedImage::Status::TooLarge;
  CHECK(photoProblem(big).find("20 MB") != std::string::npos);
  auto bigBytes = goodImage();
  bigBytes.inputBytes = 21.0 * 1024 * 1024;   // the browser's check missed it: the model still refuses
  CHECK(photoProblem(bigBytes).find("20 MB") != std::string::npos);
  auto wide = goodImage();
  wide.sourceWidth = 10001;
  CHECK(photoProblem(wide).find("10,000") != std::string::npos);
  auto corrupt = goodImage();
  corrupt.status = core::PickedImage::Status::Unreadable;
  CHECK(photoProblem(corrupt).find("could not be opened") != std::string::npos);
  auto notScaled = goodImage();
  notScaled.width = 1024;
  CHECK_FALSE(photoProblem(notScaled).empty());
  auto cancelled = goodImage();
  cancelled.status = core::PickedImage::Status::Cancelled;
  CHECK_FALSE(photoProblem(cancelled).empty());
  for (const auto& img : {big, wide, corrupt}) CHECK(photoProblem(img).find("Nothing was changed") != std::string::npos);
}

TEST_CASE("[texture] base64 round-trips every byte and refuses what is not base64") {
  std::string all;
  for (int i = 0; i < 256; ++i) all += char(i);
  for (size_t n : {size_t(0), size_t(1), size_t(2), size_t(3), size_t(256)}) {
    std::string back;
    REQUIRE(base64Decode(base64Encode(all.substr(0, n)), back));
    CHECK(back == all.substr(0, n));
  }
  std::string out;
  CHECK(base64Encode("Man") == "TWFu");
  CHECK(base64Encode("Ma") == "TWE=");
  CHECK_FALSE(base64Decode("TW=u", out));
  CHECK_FALSE(base64Decode("TWF", out));
  CHECK_FALSE(base64Decode("TW!u", out));
}

TEST_CASE("[texture] objects keep their order, reorder, and go to the trash with their photo") {
  Fixture f;
  TextureBoxModel model(f.store);
  TextureObject a, b, c;
  a.name = "Ribbon";
  b.name = "Feather";
  c.name = "Stone";
  const std::string ia = model.add(a).value(), ib = model.add(b).value(), ic = model.add(c).value();
  CHECK(model.ordered() == std::vector<std::string>{ia, ib, ic});
  REQUIRE(model.move(ic, -1));
  CHECK(model.ordered() == std::vector<std::string>{ia, ic, ib});
  REQUIRE(model.move(ia, -1));   // already first: nothing moves
  CHECK(model.ordered().front() == ia);

  REQUIRE(model.setPhoto(ic, goodImage()));
  const std::string photo = model.find(ic)->photoId;
  REQUIRE_FALSE(photo.empty());
  CHECK(model.photoBytes(photo) == goodImage().jpeg);
  // Saving the object's words does not rewrite the photo record.
  const uint32_t photoRevision = f.store.find(kPhotoType, photo)->revision;
  TextureObject edited = *model.find(ic);
  edited.notes = "warm after a minute";
  REQUIRE(model.save(ic, edited));
  CHECK(f.store.find(kPhotoType, photo)->revision == photoRevision);
  // A refused picture changes nothing.
  auto corrupt = goodImage();
  corrupt.status = core::PickedImage::Status::Unreadable;
  CHECK_FALSE(model.setPhoto(ic, corrupt));
  CHECK(model.find(ic)->photoId == photo);

  REQUIRE(model.remove(ic));
  CHECK(model.find(ic) == nullptr);
  CHECK(f.store.find(kPhotoType, photo) == nullptr);
  CHECK(f.store.trash().size() == 2);
  // Brought back from the trash, it comes back with its photo.
  REQUIRE(f.store.restore(kObjectType, ic));
  REQUIRE(model.find(ic) != nullptr);
  CHECK(model.photoBytes(model.find(ic)->photoId) == goodImage().jpeg);
  CHECK(f.store.trash().empty());
}

TEST_CASE("[texture] sessions publish metrics for the progress page and the catalogue exports as Markdown") {
  Fixture f;
  TextureBoxModel model(f.store);
  TextureObject stone;
  stone.name = "Smooth stone";
  stone.textures = {"smooth", "cool"};
  const std::string id = model.add(stone).value();
  auto s = rated(id, 70, 40);
  s.objectName = "Smooth stone";
  s.secondsSpent = 90;
  REQUIRE(model.addSession(s).isOk());
  std::vector<core::MetricEvent> events;
  model.collectMetrics(events);
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == "texture.session");
  CHECK(events[0].labels.at("object") == "Smooth stone");
  CHECK(events[0].values.at("minutes") == doctest::Approx(1.5));
  CHECK(events[0].values.at("distressBefore") == 70);
  CHECK(events[0].values.at("distressAfter") == 40);
  CHECK(model.reliefFor(id).sessions == 1);

  std::vector<core::ExportFile> files;
  model.exportMarkdown(files);
  REQUIRE(files.size() == 1);
  CHECK(files[0].content.find("## Smooth stone") != std::string::npos);
  CHECK(files[0].content.find("smooth, cool") != std::string::npos);
  CHECK(files[0].content.find("tried once so far, too soon to see a pattern") != std::string::npos);
}

TEST_CASE("[texture_box] the breath ring holds its words at any text size, and fits its place") {
  // A desktop: a third of the smaller side, wider than the words.
  BreathRing wide = breathRing(900, 700, 180, 16);
  CHECK(wide.outer == doctest::Approx(0.32f * 315));
  CHECK(wide.inner == doctest::Approx(wide.outer * 0.45f));
  // A short phone at 150 %: the calm size would be narrower than "And out, a little longer".
  BreathRing phone = breathRing(340, 380, 270, 24);
  CHECK(phone.outer * 2 >= 270 + 24);
  CHECK(phone.outer * 2 <= 340);
  // Words wider than the place: the ring keeps to the place.
  BreathRing narrow = breathRing(200, 380, 300, 24);
  CHECK(narrow.outer == doctest::Approx(92));
  CHECK(breathRing(0, 0, 10, 16).outer == 0);
}
