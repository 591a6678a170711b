// core/platform/file_quirks.h: how the file system under core/files.cpp differs between the browser
// (Emscripten's in-memory tree, mirrored to IndexedDB) and a native machine, so core/files.cpp itself has
// no platform code. The build compiles one of file_quirks_web.cpp and file_quirks_native.cpp.
#pragma once
#include <string>
#include <vector>

#include "core/files.h"

namespace toward::core::platform {

// True where a file that does not exist yet may be written in place, without a temporary file and a
// rename. In the browser the tree lives in memory and reaches IndexedDB only through a sync, which runs
// between frames and copies whole files, so a new file can never be stored half written (and an import
// writes thousands: every failed path lookup costs a thrown error in Emscripten's file system).
// Natively false: every write goes through a temporary file.
bool writeNewFilesInPlace();

// Called after `path` was unlinked: makes sure it is really gone. Emscripten 3.1.6's MEMFS leaves a file
// replaced by rename() in its path lookup table, so once the newest version is unlinked, open() and
// stat() find an older one again (readdir does not). Natively nothing to do.
void unlinkStaleVersions(const std::string& path);

// Reads every regular file directly inside `dir` into `out` in one pass, or returns false (and leaves `out`
// empty) for the caller to list and read file by file. In the browser one call copies the in-memory tree's
// files into the heap: opening, reading and closing 10,000 record files one by one, each a trip through
// Emscripten's file system, was the largest part of the core's start. Natively false. Only the regular files
// among entries [from, from + count) (in the in-memory tree's own order), so that a large folder can be read
// a part at a time; `entries` (when given) is set to how many entries the folder has.
bool readFolderFiles(const std::string& dir, size_t from, size_t count, std::vector<FolderFile>& out, size_t* entries);

}  // namespace toward::core::platform
