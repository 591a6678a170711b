// core/file_system.cpp: see file_system.h.
#include "core/file_system.h"

#include "core/files.h"

namespace toward::core {
namespace {

class DeviceFiles final : public FileSystem {
 public:
  Result<std::string> readFile(const std::string& path) const override { return files::readFile(path); }
  Status writeFileAtomic(const std::string& path, const std::string& content) override {
    return files::writeFileAtomic(path, content);
  }
  Status removeFile(const std::string& path) override { return files::removeFile(path); }
  Status makeDirs(const std::string& path) override { return files::makeDirs(path); }
  std::vector<std::string> listFiles(const std::string& dir) const override { return files::listFiles(dir); }
  std::vector<std::string> listDirs(const std::string& dir) const override { return files::listDirs(dir); }
  std::vector<FolderFile> readFolderPart(const std::string& dir, size_t from, size_t count, size_t* entries) const override {
    std::vector<FolderFile> out;
    if (files::readFolderFiles(dir, from, count, out, entries)) return out;
    return FileSystem::readFolderPart(dir, from, count, entries);
  }
};

}  // namespace

std::vector<FolderFile> FileSystem::readFolderPart(const std::string& dir, size_t from, size_t count, size_t* entries) const {
  std::vector<std::string> names = listFiles(dir);
  if (entries) *entries = names.size();
  std::vector<FolderFile> out;
  for (size_t i = from; i < names.size() && i - from < count; ++i) {
    auto content = readFile(dir + "/" + names[i]);
    out.push_back({std::move(names[i]), std::move(content)});
  }
  return out;
}

FileSystem& deviceFiles() {
  static DeviceFiles device;
  return device;
}

Result<std::string> MemoryFiles::readFile(const std::string& path) const {
  auto it = m_files.find(path);
  if (it == m_files.end()) return Status{ErrorCode::NotFound, "not found: " + path};
  return it->second;
}

Status MemoryFiles::writeFileAtomic(const std::string& path, const std::string& content) {
  m_files[path] = content;
  return Status::ok();
}

Status MemoryFiles::removeFile(const std::string& path) {
  m_files.erase(path);
  return Status::ok();
}

Status MemoryFiles::makeDirs(const std::string&) { return Status::ok(); }

std::vector<std::string> MemoryFiles::listFiles(const std::string& dir) const { return entries(dir, false); }

std::vector<std::string> MemoryFiles::listDirs(const std::string& dir) const { return entries(dir, true); }

std::vector<std::string> MemoryFiles::entries(const std::string& dir, bool wantDirs) const {
  const std::string prefix = dir + "/";
  std::vector<std::string> out;
  for (auto it = m_files.lower_bound(prefix); it != m_files.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    const std::string rest = it->first.substr(prefix.size());
    const size_t slash = rest.find('/');
    if (wantDirs != (slash != std::string::npos)) continue;
    std::string name = wantDirs ? rest.substr(0, slash) : rest;
    if (out.empty() || out.back() != name) out.push_back(std::move(name));
  }
  return out;
}

}  // namespace toward::core
