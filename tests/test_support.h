// tests/test_support.h: helpers shared by the tests: temporary folders, a settable clock, fixtures.
#pragma once
#include <cstdint>
#include <string>

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

// A registry with the core types and every plugin of the one table (plugins/plugin_table.h), as the app has it.
core::Registry appRegistry();

}  // namespace toward::test
