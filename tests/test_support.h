// tests/test_support.h: helpers shared by the tests: temporary folders, a settable clock, fixtures.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/file_system.h"
#include "core/registry.h"

namespace toward::test {

// A fresh empty folder, removed with everything in it when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
};

// A clock the test moves by hand.
struct FakeClock {
  int64_t nowMs = 1764000000000;  // 2025-11-24
  int64_t operator()() const { return nowMs; }
};

// The text of tests/fixtures/<name>.
std::string fixture(const std::string& name);

// Writes a file (creating folders); for planting damaged or foreign files.
void writeRaw(const std::string& path, const std::string& content);

// The device's files (core::deviceFiles()) for a store under test, except that once stopAfter(n) has let
// n more writes or removals through, every write and removal fails with an Io error, as if the device
// stopped mid-way (a full disk). Give it to the RecordStore under test; it must outlive the store.
class StoppingDevice final : public core::FileSystem {
 public:
  // n: int — writes and removals still allowed; negative: never stop (the start).
  void stopAfter(int writes) { m_writesLeft = writes; }
  core::Result<std::string> readFile(const std::string& path) const override;
  core::Status writeFileAtomic(const std::string& path, const std::string& content) override;
  core::Status removeFile(const std::string& path) override;
  core::Status makeDirs(const std::string& path) override;
  std::vector<std::string> listFiles(const std::string& dir) const override;
  std::vector<std::string> listDirs(const std::string& dir) const override;

 private:
  // Counts one write or removal; true when it must fail.
  bool stopped();
  int m_writesLeft = -1;
};

// A registry with the core types and every plugin of the one table (plugins/plugin_table.h), as the app has it.
core::Registry appRegistry();

}  // namespace toward::test
