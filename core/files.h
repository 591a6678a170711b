// core/files.h: the few file operations the record store needs, on POSIX (native and Emscripten's FS).
// Writes are atomic: a temporary file is written, flushed, and renamed over the target, so a crash
// leaves either the old or the new content, never half of one.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace toward::core {

// One file read by readFolderFiles (FileSystem::readFolder): its name in the folder, and its content or why
// it could not be read.
struct FolderFile {
  std::string name;
  Result<std::string> content;
};

}  // namespace toward::core

namespace toward::core::files {

// Reads a whole file. NotFound when it does not exist.
Result<std::string> readFile(const std::string& path);

// Writes `content` to `path` atomically (temp file + fsync + rename). The new file's modification time
// is made strictly later than the old one's, because IndexedDB mirroring detects changes by timestamp.
// In the browser a file that does not exist yet is written in place (only whole files ever reach
// IndexedDB there: core/platform/file_quirks.h).
Status writeFileAtomic(const std::string& path, const std::string& content);

// Removes a file; a missing file is not an error.
Status removeFile(const std::string& path);

// Creates a directory and its parents.
Status makeDirs(const std::string& path);

// Names of the regular files directly inside `dir` (empty when it does not exist).
std::vector<std::string> listFiles(const std::string& dir);

// Reads the regular files among entries [from, from + count) of `dir` into `out` in one pass, where the
// platform has one (the browser: one call that copies the in-memory tree's files; core/platform/
// file_quirks.h), and sets `entries` (when given) to how many entries `dir` has. False when it has none or
// could not: the caller then lists and reads file by file.
bool readFolderFiles(const std::string& dir, size_t from, size_t count, std::vector<FolderFile>& out, size_t* entries);

// Reads the files of one folder packed in one buffer (how the browser hands a folder over in one call):
// a little-endian u32 count, then for each file a u32 length and its name, a u32 length and its bytes.
// False, with `out` left empty, when `packed` is not exactly that.
bool unpackFolderFiles(std::string_view packed, std::vector<FolderFile>& out);

// Names of the subdirectories directly inside `dir`.
std::vector<std::string> listDirs(const std::string& dir);

// Modification time in milliseconds, or -1 when the file does not exist.
int64_t modifiedMs(const std::string& path);

bool exists(const std::string& path);

// The modification time (ms) writeFileAtomic gave the latest version of `path` in this process, or -1.
int64_t stampedMs(const std::string& path);

}  // namespace toward::core::files
