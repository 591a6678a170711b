// core/platform/file_quirks_web.cpp: file_quirks.h in the browser (Emscripten's MEMFS, mirrored by IDBFS).
#include "core/platform/file_quirks.h"

#include <emscripten.h>
#include <memory>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

// Stages every regular file directly inside the folder (MEMFS's own nodes: its listing is what readdir
// gives) packed as files::unpackFolderFiles reads it, and returns the packed size; -1 when the folder is
// missing or holds anything but files and folders (a link), for the caller to go file by file.
EM_JS(double, js_stage_folder, (const char* dirPtr), {
  Module.towardFolderStash = null;
  try {
    var node = FS.lookupPath(UTF8ToString(dirPtr), { follow: true }).node;
    if (!node || !FS.isDir(node.mode) || !node.contents || typeof node.contents !== 'object') return -1;
    var encoder = new TextEncoder();
    var ascii = /^[ -~]*$/;   // printable ASCII, as record names are: each byte is a character (js_take_folder)
    var parts = [];
    var total = 4;
    var names = Object.keys(node.contents);
    for (var i = 0; i < names.length; i++) {
      var child = node.contents[names[i]];
      if (FS.isDir(child.mode)) continue;
      if (!FS.isFile(child.mode)) return -1;
      var size = child.usedBytes | 0;
      var data = child.contents;
      if (size > 0 && !(data instanceof Uint8Array)) {
        if (!data || data.length < size) return -1;
        // A file the wasm wrote is an Int8Array (MEMFS slices HEAP8): the same bytes, viewed, not copied.
        var bytewise = ArrayBuffer.isView(data) && data.BYTES_PER_ELEMENT === 1;
        data = bytewise ? new Uint8Array(data.buffer, data.byteOffset, data.length) : Uint8Array.from(data);
      }
      var name = ascii.test(names[i]) ? names[i] : encoder.encode(names[i]);
      parts.push(name, size > 0 ? data.subarray(0, size) : new Uint8Array(0));
      total += 8 + name.length + size;
    }
    Module.towardFolderStash = { parts: parts, total: total };
    return total;
  } catch (e) {
    return -1;
  }
});

// Copies the staged folder into `dest` (the size js_stage_folder returned) and forgets it.
EM_JS(void, js_take_folder, (unsigned char* dest), {
  var stash = Module.towardFolderStash;
  Module.towardFolderStash = null;
  var view = new DataView(HEAPU8.buffer, dest, stash.total);
  var at = 4;
  view.setUint32(0, stash.parts.length / 2, true);
  for (var i = 0; i < stash.parts.length; i++) {
    var bytes = stash.parts[i];
    view.setUint32(at, bytes.length, true);
    if (typeof bytes === 'string') {
      for (var j = 0, to = dest + at + 4; j < bytes.length; j++) HEAPU8[to + j] = bytes.charCodeAt(j);
    } else {
      HEAPU8.set(bytes, dest + at + 4);
    }
    at += 4 + bytes.length;
  }
});

namespace toward::core::platform {

bool writeNewFilesInPlace() { return true; }

void unlinkStaleVersions(const std::string& path) {
  // One stale entry per earlier replacement: unlink until the path is really gone.
  struct stat st {};
  for (int i = 0; i < 1000 && ::stat(path.c_str(), &st) == 0; ++i) ::unlink(path.c_str());
}

bool readFolderFiles(const std::string& dir, std::vector<FolderFile>& out) {
  const double size = js_stage_folder(dir.c_str());
  if (size < 4) return false;
  // Not zeroed first (js_take_folder writes every byte): at 10,000 records that is megabytes.
  std::unique_ptr<unsigned char[]> packed(new unsigned char[size_t(size)]);
  js_take_folder(packed.get());
  return files::unpackFolderFiles(std::string_view(reinterpret_cast<const char*>(packed.get()), size_t(size)), out);
}

}  // namespace toward::core::platform
