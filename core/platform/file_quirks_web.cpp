// core/platform/file_quirks_web.cpp: file_quirks.h in the browser (Emscripten's MEMFS, mirrored by IDBFS).
#include "core/platform/file_quirks.h"

#include <emscripten.h>
#include <cstdint>
#include <memory>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

// Stages the regular files among entries [from, from + count) of the folder (MEMFS's own nodes, in the order
// of their names as JavaScript keeps them, fixed at `from` 0 and kept for the next parts of the same folder)
// packed as files::unpackFolderFiles reads it, and returns the packed size; -1 when the folder is missing
// or holds anything but files and folders (a link), for the caller to go file by file. The number of
// entries is left in Module.towardFolderEntries. `count` 0 only counts them, folders and links too, never
// -1 for them (the opening's progress, for every folder when an opening begins): no list is made and nothing
// is looked over (at 10,000 records that was 2-15 ms of the frame that unlocks, before a file was read).
EM_JS(double, js_stage_folder, (const char* dirPtr, double from, double count), {
  Module.towardFolderStash = null;
  Module.towardFolderEntries = 0;
  try {
    var path = UTF8ToString(dirPtr);
    var node = FS.lookupPath(path, { follow: true }).node;
    if (!node || !FS.isDir(node.mode) || !node.contents || typeof node.contents !== 'object') return -1;
    if (count === 0) {
      Module.towardFolderEntries = Object.keys(node.contents).length;
      Module.towardFolderStash = { parts: [], total: 4 };
      return 4;
    }
    var kept = Module.towardFolderNames;
    if (from === 0 || !kept || kept.path !== path) {
      kept = Module.towardFolderNames = { path: path, names: Object.keys(node.contents) };
      // The whole folder is looked over once, here, so that a folder read part by part is read this way
      // throughout or file by file throughout, never half of each (the two orders differ).
      for (var k = 0; k < kept.names.length; k++) {
        var c = node.contents[kept.names[k]];
        if (FS.isDir(c.mode)) continue;
        if (!FS.isFile(c.mode)) { Module.towardFolderNames = null; return -1; }
        var d = c.contents;
        if ((c.usedBytes | 0) > 0 && !(d instanceof Uint8Array) && (!d || d.length < (c.usedBytes | 0))) { Module.towardFolderNames = null; return -1; }
      }
    }
    var names = kept.names;
    Module.towardFolderEntries = names.length;
    var encoder = new TextEncoder();
    var ascii = /^[ -~]*$/;   // printable ASCII, as record names are: each byte is a character (js_take_folder)
    var parts = [];
    var total = 4;
    var end = Math.min(names.length, from + count);
    for (var i = from; i < end; i++) {
      var child = node.contents[names[i]];
      if (!child || FS.isDir(child.mode)) continue;   // gone since the names were taken, or a folder
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
    if (end >= names.length) Module.towardFolderNames = null;
    Module.towardFolderStash = { parts: parts, total: total };
    return total;
  } catch (e) {
    return -1;
  }
});

EM_JS(double, js_folder_entries, (), { return Module.towardFolderEntries || 0; });

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

bool readFolderFiles(const std::string& dir, size_t from, size_t count, std::vector<FolderFile>& out, size_t* entries) {
  const double size = js_stage_folder(dir.c_str(), double(from), count == SIZE_MAX ? 1e15 : double(count));
  if (size < 4) return false;
  if (entries) *entries = size_t(js_folder_entries());
  // Not zeroed first (js_take_folder writes every byte): at 10,000 records that is megabytes.
  std::unique_ptr<unsigned char[]> packed(new unsigned char[size_t(size)]);
  js_take_folder(packed.get());
  return files::unpackFolderFiles(std::string_view(reinterpret_cast<const char*>(packed.get()), size_t(size)), out);
}

}  // namespace toward::core::platform
