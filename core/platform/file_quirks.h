// core/platform/file_quirks.h: how the file system under core/files.cpp differs between the browser
// (Emscripten's in-memory tree, mirrored to IndexedDB) and a native machine, so core/files.cpp itself has
// no platform code. The build compiles one of file_quirks_web.cpp and file_quirks_native.cpp.
#pragma once
#include <string>

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

}  // namespace toward::core::platform
