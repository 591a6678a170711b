// core/file_system.h: where a RecordStore keeps its files, as an interface the store is given:
//   deviceFiles()  the device's own files (core/files.h: atomic writes; IndexedDB's mount in the browser)
//   MemoryFiles    files held in memory only and gone with the object: nothing reaches the disk (a store
//                  that lives while a command runs, e.g. toward-cli's Markdown export of a backup)
// Tests wrap one to make writes fail part way, as a full disk would (tests/test_support.h).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/files.h"
#include "core/result.h"

namespace toward::core {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // Each is as in core/files.h.
  virtual Result<std::string> readFile(const std::string& path) const = 0;
  virtual Status writeFileAtomic(const std::string& path, const std::string& content) = 0;
  virtual Status removeFile(const std::string& path) = 0;
  virtual Status makeDirs(const std::string& path) = 0;
  virtual std::vector<std::string> listFiles(const std::string& dir) const = 0;
  virtual std::vector<std::string> listDirs(const std::string& dir) const = 0;
  // Every regular file directly inside `dir`, read (the store's start reads thousands at once). The same as
  // listFiles + readFile for each; the device's files do it in one pass where the platform can.
  std::vector<FolderFile> readFolder(const std::string& dir) const { return readFolderPart(dir, 0, SIZE_MAX, nullptr); }
  // The same a part at a time (the store's opening, a few milliseconds a frame): the regular files among the
  // folder's entries [from, from + count), in an order of the folder's own that stays the same while the
  // folder does not change. `entries`, when given, is set to how many entries there are (0: none, or no folder).
  virtual std::vector<FolderFile> readFolderPart(const std::string& dir, size_t from, size_t count, size_t* entries) const;
};

// The device's files (core/files.h); one object for the whole program, holding no state of its own.
FileSystem& deviceFiles();

// Files in memory: a path is a key ("a/b/c.json"); folders are the paths' prefixes, made as files
// appear in them (makeDirs changes nothing), so an empty folder is never listed.
class MemoryFiles final : public FileSystem {
 public:
  Result<std::string> readFile(const std::string& path) const override;
  Status writeFileAtomic(const std::string& path, const std::string& content) override;
  Status removeFile(const std::string& path) override;
  Status makeDirs(const std::string& path) override;
  std::vector<std::string> listFiles(const std::string& dir) const override;
  std::vector<std::string> listDirs(const std::string& dir) const override;

 private:
  // Names directly inside `dir`: files (wantDirs false) or folders holding files somewhere below.
  std::vector<std::string> entries(const std::string& dir, bool wantDirs) const;
  std::map<std::string, std::string> m_files;   // path -> content
};

}  // namespace toward::core
