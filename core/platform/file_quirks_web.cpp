// core/platform/file_quirks_web.cpp: file_quirks.h in the browser (Emscripten's MEMFS, mirrored by IDBFS).
#include "core/platform/file_quirks.h"

#include <sys/stat.h>
#include <unistd.h>

namespace toward::core::platform {

bool writeNewFilesInPlace() { return true; }

void unlinkStaleVersions(const std::string& path) {
  // One stale entry per earlier replacement: unlink until the path is really gone.
  struct stat st {};
  for (int i = 0; i < 1000 && ::stat(path.c_str(), &st) == 0; ++i) ::unlink(path.c_str());
}

}  // namespace toward::core::platform
