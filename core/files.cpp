// core/files.cpp: POSIX implementation of core/files.h (works on Emscripten's MEMFS/IDBFS too).
#include "core/files.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <unordered_map>
#include <unordered_set>
#include <algorithm>

#include "core/platform/file_quirks.h"

namespace toward::core::files {
namespace {

Status ioError(const std::string& what, int err) {
  if (err == ENOSPC || err == EDQUOT) {
    return {ErrorCode::Io, "There is no room left to store this (" + what + ")."};
  }
  return {ErrorCode::Io, what + ": " + std::strerror(err)};
}

int64_t toMs(const struct timespec& ts) { return int64_t(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000; }

// The modification time given to each path's latest version in this process (milliseconds).
std::unordered_map<std::string, int64_t>& stamps() {
  static std::unordered_map<std::string, int64_t> s;
  return s;
}

// Folders made or found by makeDirs in this process: every record write asks for its folder, and each
// look costs a path lookup in Emscripten's file system. A folder removed since (a reload from IndexedDB
// can remove one) is made again when a write finds it missing (openForWrite).
std::unordered_set<std::string>& knownDirs() {
  static std::unordered_set<std::string> s;
  return s;
}

// open(2) for writing; when the folder has gone missing since makeDirs saw it, it is made again once.
int openForWrite(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags, 0644);
  if (fd >= 0 || errno != ENOENT) return fd;
  const std::string dir = path.substr(0, path.rfind('/'));
  knownDirs().erase(dir);
  if (dir.empty() || !makeDirs(dir)) {
    errno = ENOENT;
    return -1;
  }
  return ::open(path.c_str(), flags, 0644);
}

int64_t wallClockMs() {
  struct timespec ts {};
  clock_gettime(CLOCK_REALTIME, &ts);
  return toMs(ts);
}

// Gives `tmp` (about to replace `path`) a modification time strictly later than any version of `path`
// had. Emscripten's stat() reports whole seconds, so for a path not written before in this process a
// time on a whole second is taken to mean "somewhere in that second".
void stampNewVersion(const std::string& path, const std::string& tmp, int64_t oldMs) {
  int64_t floor = -1;
  auto known = stamps().find(path);
  if (known != stamps().end()) {
    floor = known->second + 1;
  } else if (oldMs >= 0) {
    floor = oldMs % 1000 == 0 ? oldMs + 1000 : oldMs + 1;
  }
  const int64_t want = std::max(wallClockMs(), floor);
  struct timespec times[2];
  times[0].tv_sec = time_t(want / 1000);
  times[0].tv_nsec = long((want % 1000) * 1000000);
  times[1] = times[0];
  ::utimensat(AT_FDCWD, tmp.c_str(), times, 0);
  stamps()[path] = want;
}

}  // namespace

Result<std::string> readFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) {
    if (errno == ENOENT) return Status{ErrorCode::NotFound, "not found: " + path};
    return ioError("could not open " + path, errno);
  }
  std::string out;
  char buf[16384];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return ioError("could not read " + path, err);
    }
    if (n == 0) break;
    out.append(buf, size_t(n));
  }
  ::close(fd);
  return out;
}

Status writeFileAtomic(const std::string& path, const std::string& content) {
  // A new file may be written in place where only whole files are ever stored (the browser: see
  // core/platform/file_quirks.h); a failed write removes it again. Otherwise, and when replacing a file, the
  // content goes through a temporary file, so a failure keeps the old content.
  int64_t oldMs = -1;
  std::string tmp = path;
  const bool inPlace = platform::writeNewFilesInPlace();
  int fd = inPlace ? openForWrite(path, O_WRONLY | O_CREAT | O_EXCL) : -1;
  if (!inPlace || (fd < 0 && errno == EEXIST)) {
    oldMs = modifiedMs(path);
    tmp = path + ".tmp";
    fd = openForWrite(tmp, O_WRONLY | O_CREAT | O_TRUNC);
  }
  if (fd < 0) return ioError("could not create " + tmp, errno);
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      return ioError("could not write " + path, err);
    }
    done += size_t(n);
  }
  if (::fsync(fd) != 0 && errno != EINVAL && errno != ENOSYS) {
    int err = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    return ioError("could not flush " + path, err);
  }
  ::close(fd);
  // Millisecond timestamps decide what gets mirrored to IndexedDB: never let a rewrite look unchanged.
  stampNewVersion(path, tmp, oldMs);
  if (tmp == path) return Status::ok();   // (written in place)
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return ioError("could not replace " + path, err);
  }
  return Status::ok();
}

Status removeFile(const std::string& path) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) return ioError("could not remove " + path, errno);
  platform::unlinkStaleVersions(path);
  return Status::ok();
}

Status makeDirs(const std::string& path) {
  // Usually the folder is there already (every record write asks): known from before, or one stat instead
  // of a failing mkdir per level (each costs a thrown error in Emscripten's file system).
  if (knownDirs().count(path)) return Status::ok();
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    knownDirs().insert(path);
    return Status::ok();
  }
  std::string partial;
  size_t pos = 0;
  while (pos != std::string::npos) {
    pos = path.find('/', pos + 1);
    partial = path.substr(0, pos);
    if (partial.empty()) continue;
    if (::mkdir(partial.c_str(), 0755) != 0 && errno != EEXIST) {
      return ioError("could not create folder " + partial, errno);
    }
  }
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) knownDirs().insert(path);
  return Status::ok();
}

namespace {
std::vector<std::string> listEntries(const std::string& dir, bool wantDirs) {
  std::vector<std::string> out;
  DIR* d = ::opendir(dir.c_str());
  if (!d) return out;
  while (struct dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    // The entry's type usually comes with it (no stat per file: start-up reads thousands of records).
    if (e->d_type == DT_REG || e->d_type == DT_DIR) {
      if ((e->d_type == DT_DIR) == wantDirs) out.push_back(std::move(name));
      continue;
    }
    struct stat st {};
    if (::stat((dir + "/" + name).c_str(), &st) != 0) continue;
    if (wantDirs ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode)) out.push_back(std::move(name));
  }
  ::closedir(d);
  return out;
}
}  // namespace

std::vector<std::string> listFiles(const std::string& dir) { return listEntries(dir, false); }
bool readFolderFiles(const std::string& dir, size_t from, size_t count, std::vector<FolderFile>& out, size_t* entries) {
  return platform::readFolderFiles(dir, from, count, out, entries);
}

bool unpackFolderFiles(std::string_view packed, std::vector<FolderFile>& out) {
  out.clear();
  size_t at = 0;
  auto u32 = [&](uint32_t& v) {
    if (packed.size() - at < 4) return false;
    v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | uint8_t(packed[at + size_t(i)]);
    at += 4;
    return true;
  };
  auto bytes = [&](std::string& s) {
    uint32_t n = 0;
    if (!u32(n) || packed.size() - at < n) return false;
    s.assign(packed.data() + at, n);
    at += n;
    return true;
  };
  uint32_t count = 0;
  if (!u32(count) || count > packed.size() / 8) return false;
  out.reserve(count);
  for (uint32_t i = 0; i < count; ++i) {
    std::string name, content;
    if (!bytes(name) || !bytes(content)) { out.clear(); return false; }
    out.push_back({std::move(name), std::move(content)});
  }
  if (at != packed.size()) { out.clear(); return false; }
  return true;
}
std::vector<std::string> listDirs(const std::string& dir) { return listEntries(dir, true); }

int64_t modifiedMs(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return -1;
  return toMs(st.st_mtim);
}

int64_t stampedMs(const std::string& path) {
  auto it = stamps().find(path);
  return it == stamps().end() ? -1 : it->second;
}

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

}  // namespace toward::core::files
