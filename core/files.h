// core/files.h: the few file operations the record store needs, on POSIX (native and Emscripten's FS).
// Writes are atomic: a temporary file is written, flushed, and renamed over the target, so a crash
// leaves either the old or the new content, never half of one.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

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

// Names of the subdirectories directly inside `dir`.
std::vector<std::string> listDirs(const std::string& dir);

// Modification time in milliseconds, or -1 when the file does not exist.
int64_t modifiedMs(const std::string& path);

bool exists(const std::string& path);

// The modification time (ms) writeFileAtomic gave the latest version of `path` in this process, or -1.
int64_t stampedMs(const std::string& path);

}  // namespace toward::core::files
