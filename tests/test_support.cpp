// tests/test_support.cpp: see test_support.h.
#include "test_support.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "core/files.h"
#include "core/settings.h"
#include "plugins/plugin_table.h"

namespace toward::test {
namespace {

void removeTree(const std::string& path) {
  if (DIR* d = ::opendir(path.c_str())) {
    while (struct dirent* e = ::readdir(d)) {
      std::string name = e->d_name;
      if (name == "." || name == "..") continue;
      std::string child = path + "/" + name;
      struct stat st {};
      if (::lstat(child.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) removeTree(child);
      else ::unlink(child.c_str());
    }
    ::closedir(d);
  }
  ::rmdir(path.c_str());
}

}  // namespace

TempDir::TempDir() {
  ::mkdir("/tmp", 0777);
  // mkdtemp's names come from the clock; under wasm two TempDirs made at once can draw the same name every
  // time, so a counter of this process makes each template different.
  static int made = 0;
  std::string tmpl = "/tmp/toward-test-" + std::to_string(++made) + "-XXXXXX";
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  m_path = tmpl;
}

TempDir::~TempDir() { removeTree(m_path); }

std::string fixture(const std::string& name) {
  auto text = core::files::readFile(std::string(TOWARD_FIXTURES_DIR) + "/" + name);
  if (!text) throw std::runtime_error("missing fixture " + name);
  return text.value();
}

void writeRaw(const std::string& path, const std::string& content) {
  core::files::makeDirs(path.substr(0, path.rfind('/')));
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) throw std::runtime_error("cannot write " + path);
  std::fwrite(content.data(), 1, content.size(), f);
  std::fclose(f);
}

bool StoppingDevice::stopped() {
  if (m_writesLeft < 0) return false;
  if (m_writesLeft == 0) return true;
  --m_writesLeft;
  return false;
}

core::Result<std::string> StoppingDevice::readFile(const std::string& path) const { return core::deviceFiles().readFile(path); }

core::Status StoppingDevice::writeFileAtomic(const std::string& path, const std::string& content) {
  if (stopped()) return {core::ErrorCode::Io, "could not write " + path + " (the device stopped)"};
  return core::deviceFiles().writeFileAtomic(path, content);
}

core::Status StoppingDevice::removeFile(const std::string& path) {
  if (stopped()) return {core::ErrorCode::Io, "could not remove " + path + " (the device stopped)"};
  return core::deviceFiles().removeFile(path);
}

core::Status StoppingDevice::makeDirs(const std::string& path) { return core::deviceFiles().makeDirs(path); }

std::vector<std::string> StoppingDevice::listFiles(const std::string& dir) const { return core::deviceFiles().listFiles(dir); }

std::vector<std::string> StoppingDevice::listDirs(const std::string& dir) const { return core::deviceFiles().listDirs(dir); }

core::Registry appRegistry() {
  core::Registry registry;
  plugins::registerAll(registry);
  return registry;
}

}  // namespace toward::test
