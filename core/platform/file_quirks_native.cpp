// core/platform/file_quirks_native.cpp: file_quirks.h on a native machine (POSIX files on a disk).
#include "core/platform/file_quirks.h"

namespace toward::core::platform {

bool writeNewFilesInPlace() { return false; }

void unlinkStaleVersions(const std::string&) {}

bool readFolderFiles(const std::string&, size_t, size_t, std::vector<FolderFile>&, size_t*) { return false; }

}  // namespace toward::core::platform
