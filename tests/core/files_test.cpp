// tests/core/files_test.cpp: atomic writes and the timestamps IndexedDB mirroring depends on.
#include <doctest/doctest.h>
#include <unistd.h>

#include <map>

#include "core/file_system.h"
#include "core/files.h"
#include "test_support.h"

using namespace toward;

TEST_CASE("[files] an atomic write replaces the whole file and leaves no temporary file") {
  test::TempDir dir;
  const std::string path = dir.path() + "/a.json";
  REQUIRE(core::files::writeFileAtomic(path, "first version, longer"));
  REQUIRE(core::files::writeFileAtomic(path, "second"));
  CHECK(core::files::readFile(path).value() == "second");
  CHECK(core::files::listFiles(dir.path()) == std::vector<std::string>{"a.json"});
}

TEST_CASE("[files] rewriting a file always moves its modification time forward") {
  // IDBFS decides what to store by millisecond timestamps: two writes in one millisecond must differ.
  test::TempDir dir;
  const std::string path = dir.path() + "/a.json";
  // (Emscripten's stat() shows whole seconds, so the stamp itself is compared; natively both agree.)
  int64_t last = -1;
  for (int i = 0; i < 20; ++i) {
    REQUIRE(core::files::writeFileAtomic(path, "version " + std::to_string(i)));
    const int64_t stamp = core::files::stampedMs(path);
    CHECK(stamp > last);
    CHECK(core::files::modifiedMs(path) / 1000 == stamp / 1000);
    last = stamp;
  }
}

TEST_CASE("[files] reading a missing file says NotFound; folders are created with parents") {
  test::TempDir dir;
  CHECK(core::files::readFile(dir.path() + "/nope").error().code() == core::ErrorCode::NotFound);
  REQUIRE(core::files::makeDirs(dir.path() + "/x/y/z"));
  CHECK(core::files::listDirs(dir.path() + "/x") == std::vector<std::string>{"y"});
  CHECK(core::files::removeFile(dir.path() + "/missing"));
}

TEST_CASE("[files] a folder removed after makeDirs saw it is made again by the next write") {
  test::TempDir dir;
  const std::string folder = dir.path() + "/records/journal.entry";
  REQUIRE(core::files::makeDirs(folder));
  REQUIRE(core::files::writeFileAtomic(folder + "/a.json", "a"));
  REQUIRE(core::files::removeFile(folder + "/a.json"));
  REQUIRE(::rmdir(folder.c_str()) == 0);   // e.g. a reload from IndexedDB that did not have it
  REQUIRE(core::files::makeDirs(folder));  // (known from before: no look at the disk)
  REQUIRE(core::files::writeFileAtomic(folder + "/b.json", "b"));
  CHECK(core::files::readFile(folder + "/b.json").value() == "b");
  REQUIRE(core::files::writeFileAtomic(folder + "/b.json", "b2"));   // replacing goes through a temp file
  CHECK(core::files::readFile(folder + "/b.json").value() == "b2");
  CHECK(core::files::listFiles(folder) == std::vector<std::string>{"b.json"});
}

TEST_CASE("[files] a write into a folder that cannot exist fails with a message and changes nothing") {
  test::TempDir dir;
  test::writeRaw(dir.path() + "/file", "x");
  auto s = core::files::writeFileAtomic(dir.path() + "/file/child.json", "y");
  CHECK_FALSE(s.isOk());
  CHECK(s.code() == core::ErrorCode::Io);
  CHECK(core::files::readFile(dir.path() + "/file").value() == "x");
}

TEST_CASE("[files] a file replaced several times and then removed is gone for good (no older version comes back)") {
  // Emscripten's MEMFS kept replaced versions in its lookup table; the vault's vault.json depends on this.
  test::TempDir dir;
  const std::string path = dir.path() + "/vault.json";
  for (const char* v : {"one", "two", "three"}) REQUIRE(core::files::writeFileAtomic(path, v));
  CHECK(core::files::readFile(path).value() == "three");
  REQUIRE(core::files::removeFile(path));
  CHECK_FALSE(core::files::exists(path));
  CHECK(core::files::readFile(path).error().code() == core::ErrorCode::NotFound);
}

TEST_CASE("[files] a folder packed in one buffer unpacks to its files; anything else is refused whole") {
  auto u32 = [](uint32_t v) { std::string s(4, '\0'); for (int i = 0; i < 4; ++i) s[size_t(i)] = char((v >> (8 * i)) & 0xff); return s; };
  const std::string big(70000, 'x');
  const std::string packed = u32(3) + u32(6) + "a.json" + u32(2) + "{}" + u32(5) + "empty" + u32(0) +
                             u32(10) + "big\xC3\xA9.json" + u32(uint32_t(big.size())) + big;
  std::vector<core::FolderFile> out;
  REQUIRE(core::files::unpackFolderFiles(packed, out));
  REQUIRE(out.size() == 3);
  CHECK(out[0].name == "a.json");
  CHECK(out[0].content.value() == "{}");
  CHECK(out[1].content.value().empty());
  CHECK(out[2].name == "big\xC3\xA9.json");
  CHECK(out[2].content.value() == big);
  for (size_t cut : {size_t(0), size_t(3), size_t(10), packed.size() - 1}) {
    CHECK_FALSE(core::files::unpackFolderFiles(packed.substr(0, cut), out));
    CHECK(out.empty());
  }
  CHECK_FALSE(core::files::unpackFolderFiles(packed + "!", out));
  CHECK_FALSE(core::files::unpackFolderFiles(u32(0xFFFFFFFF) + u32(1), out));
}

TEST_CASE("[files] a folder read in one pass holds what listing and reading each file gives") {
  test::TempDir dir;
  REQUIRE(core::files::writeFileAtomic(dir.path() + "/t/one.json", "first"));
  REQUIRE(core::files::writeFileAtomic(dir.path() + "/t/two.json", std::string(40000, 'w')));
  REQUIRE(core::files::makeDirs(dir.path() + "/t/inner"));
  auto got = core::deviceFiles().readFolder(dir.path() + "/t");
  std::map<std::string, std::string> byName;
  for (auto& f : got) byName[f.name] = f.content.value();
  CHECK(byName == std::map<std::string, std::string>{{"one.json", "first"}, {"two.json", std::string(40000, 'w')}});
  CHECK(core::deviceFiles().readFolder(dir.path() + "/missing").empty());
}

TEST_CASE("[files] a folder read a part at a time gives each file once, and says how many entries it has") {
  test::TempDir dir;
  std::map<std::string, std::string> written;
  for (int i = 0; i < 23; ++i) {
    const std::string name = "f" + std::to_string(i) + ".json";
    written[name] = std::string(size_t(i) * 3 + 1, char('a' + i % 26));
    REQUIRE(core::files::writeFileAtomic(dir.path() + "/t/" + name, written[name]));
  }
  std::map<std::string, std::string> byName;
  size_t entries = 0, from = 0, parts = 0;
  do {
    for (auto& f : core::deviceFiles().readFolderPart(dir.path() + "/t", from, 5, &entries)) {
      CHECK(byName.count(f.name) == 0);
      byName[f.name] = f.content.value();
    }
    from += 5;
    ++parts;
  } while (from < entries);
  CHECK(entries == 23);
  CHECK(parts == 5);
  CHECK(byName == written);
  core::deviceFiles().readFolderPart(dir.path() + "/missing", 0, 5, &entries);
  CHECK(entries == 0);
}
