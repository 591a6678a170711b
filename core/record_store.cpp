// core/record_store.cpp: file-per-record storage with a trash (see record_store.h).
#include "core/record_store.h"

#include <algorithm>
#include <cstring>

#include "core/ids.h"
#include "core/record_codec.h"
#include "core/settings.h"

namespace toward::core {
namespace {

constexpr const char* kSuffix = ".json";

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Status checkBody(const RecordType& type, const StoredRecord& record) {
  if (type.check) return type.check(record.body, record.schema);
  auto normalized = type.normalize(record.body, record.schema);
  return normalized ? Status::ok() : normalized.error();
}

RecordStore::RecordStore(std::string root, const Registry& registry, Clock clock, FileSystem& files)
    : m_root(std::move(root)), m_registry(registry), m_clock(std::move(clock)), m_files(&files) {}

RecordStore::RecordStore(std::string root, const Registry& registry, Clock clock, std::unique_ptr<FileSystem> ownFiles)
    : m_root(std::move(root)), m_registry(registry), m_clock(std::move(clock)), m_ownFiles(std::move(ownFiles)),
      m_files(m_ownFiles.get()) {}

RecordStore RecordStore::inMemory(const Registry& registry, Clock clock) {
  // The root only names paths inside the MemoryFiles; it is not a folder anywhere.
  return RecordStore("memory:", registry, std::move(clock), std::make_unique<MemoryFiles>());
}

std::string RecordStore::recordPath(const std::string& type, const std::string& id) const {
  return m_root + "/records/" + type + "/" + id + kSuffix;
}

std::string RecordStore::trashPath(const std::string& type, const std::string& id) const {
  return m_root + "/trash/" + type + "/" + id + kSuffix;
}

LoadReport RecordStore::load() {
  startLoad(false);   // read in one go: no progress to show, so the folders are not counted first
  loadStep(nullptr);
  return m_opener.report;
}

void RecordStore::beginLoad(Tree tree) {
  startLoad(true);
  m_opener.arriving = tree == Tree::Arriving;
}

void RecordStore::treeArrived() {
  if (!m_opening || !m_opener.arriving) return;
  m_opener.arriving = false;
  listFolders(true);   // the folders that came since beginLoad, after those listed then
}

void RecordStore::startLoad(bool counted) {
  m_records.clear();
  m_trash.clear();
  m_untouchable.clear();
  m_readAtLoad.clear();
  m_problems.clear();
  m_locked = false;
  m_opener = Opener{};
  m_opening = true;
  listFolders(counted);
}

void RecordStore::listFolders(bool counted) {
  // Every type's folder, live records first, and the settings first of all: the first frame's look (text
  // size, theme) is theirs, so it is read before any frame is drawn. A folder listed before is not again.
  for (const bool trash : {false, true}) {
    const std::string folder = m_root + (trash ? "/trash" : "/records");
    std::vector<std::string> dirs = m_files->listDirs(folder);
    std::stable_partition(dirs.begin(), dirs.end(), [](const std::string& d) { return d == kSettingsType; });
    for (auto& d : dirs) {
      Opener::Folder f{folder + "/" + d, d, trash, 0};
      if (std::any_of(m_opener.folders.begin(), m_opener.folders.end(), [&](const Opener::Folder& o) { return o.path == f.path; })) {
        continue;
      }
      if (counted) m_files->readFolderPart(f.path, 0, 0, &f.expected);   // how many entries, nothing read
      m_opener.total += f.expected;
      m_opener.folders.push_back(std::move(f));
    }
  }
}

std::pair<size_t, size_t> RecordStore::openingProgress() const {
  if (!m_opening) return {0, 0};
  return {std::min(m_opener.done, m_opener.total), m_opener.total};
}

bool RecordStore::loadStep(const std::function<bool()>& keepGoing) {
  if (!m_opening) return true;
  Opener& o = m_opener;
  // Between two steps anything may have changed the maps (a model took what was read): find them again.
  o.records = nullptr;
  o.readOfType = nullptr;
  // A step reads kOpenPart files at a time (a folder of 50,000 read in one call was one long frame); a whole
  // load reads each folder in one call.
  const size_t part = keepGoing ? kOpenPart : SIZE_MAX;
  while (o.folder < o.folders.size()) {
    const Opener::Folder& f = o.folders[o.folder];
    if (o.file < o.files.size()) {
      loadFile(f, o.files[o.file++]);
      ++o.done;
      if (keepGoing && !keepGoing()) return false;
      continue;
    }
    if (o.partsBegun && o.from >= o.entries) {   // this folder is read: the next one
      o.files.clear();
      o.files.shrink_to_fit();
      o.file = o.from = o.entries = 0;
      o.partsBegun = false;
      o.records = nullptr;
      o.readOfType = nullptr;
      ++o.folder;
      continue;
    }
    o.files = m_files->readFolderPart(f.path, o.from, part, &o.entries);
    o.from = part >= o.entries - std::min(o.from, o.entries) ? o.entries : o.from + part;
    o.file = 0;
    o.partsBegun = true;
  }
  if (o.arriving) return false;   // the rest of the tree is still being read into it (treeArrived)
  m_problems = o.report.problems;
  m_opening = false;
  if (m_loadedOnce) {
    notify(RecordChange::Kind::Reloaded, "", "");
    m_readAtLoad.clear();   // the listeners have taken what they read
  }
  m_loadedOnce = true;
  return true;
}

namespace {
// A type whose reader (RecordType::read) parses every live body at load, so the envelope need not.
bool readsEveryBody(const RecordType* type) { return type && type->read; }
}  // namespace

void RecordStore::loadFile(const Opener::Folder& folder, FolderFile& file) {
  // Every string made per file is a malloc in the browser (libc++'s short strings hold 10 bytes in wasm32,
  // less than a type or an id): at 50,000 records they were a quarter of the load. So the file's text
  // becomes the body (readCanonicalEnvelope), the type's maps are looked up once per folder, and a path is
  // only made for a file that could not be read.
  const std::function<bool(const std::string&)> typeReadsEveryBody = [this](const std::string& t) {
    return readsEveryBody(m_registry.recordType(t));
  };
  Opener& o = m_opener;
  LoadReport& report = o.report;
  const bool trash = folder.trash;
  const std::string& typeDir = folder.type;
  const std::string& name = file.name;
  if (endsWith(name, ".tmp")) return;  // an interrupted write: the real file is intact
  if (!endsWith(name, kSuffix)) return;
  auto problem = [&](const std::string& message) {
    const std::string path = folder.path + "/" + name;
    report.problems.push_back({path, message});
    m_untouchable[path] = message;
  };
  if (!file.content) { problem(file.content.error().message()); return; }
  // A live record in the layout this version writes, of a type whose reader checks every body, is read
  // without parsing its body here: that reader, below, parses it once (and refuses it if it is not one
  // JSON object). Anything else is decoded in full first.
  Result<DecodedEnvelope> decoded{DecodedEnvelope{}};
  if (trash || !readCanonicalEnvelope(file.content.value(), decoded.value(), typeReadsEveryBody)) {
    decoded = decodeEnvelope(file.content.value(), m_sealer);
  }
  file.content = std::string();   // the body was taken or copied out of it: let the file's text go now
  if (!decoded) { problem(decoded.error().message()); return; }
  StoredRecord& r = decoded.value().record;
  // name is "<id>.json" (its suffix checked above)
  if (r.type != typeDir || name.size() != r.id.size() + std::strlen(kSuffix) || name.compare(0, r.id.size(), r.id) != 0) {
    problem("the record's name does not match where it is stored");
    return;
  }
  const RecordType* type = m_registry.recordType(r.type);
  if (!type) { problem("this kind of record is not known to this version of Toward"); return; }
  if (r.schema > type->schema) { problem("this record was written by a newer version of Toward"); return; }
  if (r.schema < type->minSchema) { problem("this record is in a format too old to read"); return; }
  // A type that reads its bodies for a model (RecordType::read) is checked by that reading, and what it
  // read waits for the model (takeRead): each body is parsed once at load, not once to check and again
  // to show.
  std::shared_ptr<void> read;
  if (type->read && !trash) {
    auto got = type->read(r.body, r.schema);
    if (!got) {
      problem("what this " + type->noun + " holds is not in the form Toward reads (" + got.error().message() + ")");
      return;
    }
    read = std::move(got.value());
  } else if (auto reads = checkBody(*type, r); !reads) {
    problem("what this " + type->noun + " holds is not in the form Toward reads (" + reads.message() + ")");
    return;
  }
  if (trash) {
    TrashedRecord t{std::move(r), decoded.value().deletedMs < 0 ? 0 : decoded.value().deletedMs};
    m_trash[t.record.type][t.record.id] = std::move(t);
    ++report.trashed;
  } else {
    if (!o.records) o.records = &m_records[typeDir];
    if (read) {
      if (!o.readOfType) o.readOfType = &m_readAtLoad[typeDir];
      (*o.readOfType)[r.id] = std::move(read);
    }
    std::string id = r.id;
    (*o.records)[std::move(id)] = std::move(r);
    ++report.records;
  }
}

void RecordStore::forgetReadAtLoad(const std::string& type, const std::string& id) {
  if (m_readAtLoad.empty()) return;
  auto t = m_readAtLoad.find(type);
  if (t != m_readAtLoad.end()) t->second.erase(id);
}

void RecordStore::dropReadAtLoad() { m_readAtLoad.clear(); }

std::shared_ptr<void> RecordStore::takeReadAtLoad(const std::string& type, const std::string& id) {
  // While opening, a model made from what is read so far parses for itself: what the load read waits for the
  // models' rebuild when the last file is read (Reloaded).
  if (m_opening) return nullptr;
  auto t = m_readAtLoad.find(type);
  if (t == m_readAtLoad.end()) return nullptr;
  auto it = t->second.find(id);
  if (it == t->second.end()) return nullptr;
  std::shared_ptr<void> out = std::move(it->second);
  t->second.erase(it);
  if (t->second.empty()) m_readAtLoad.erase(t);
  return out;
}

bool RecordStore::keptReadableWhileLocked(const StoredRecord& record) const {
  const RecordType* type = m_registry.recordType(record.type);
  return type && type->readableWhileLocked && type->readableWhileLocked(record.body, record.schema);
}

Status RecordStore::writeEnvelopeFile(const std::string& path, const StoredRecord& record, int64_t deletedMs) {
  if (auto s = m_files->makeDirs(path.substr(0, path.rfind('/'))); !s) return s;
  // Trash copies are always sealed: only the live record the person chose stays readable while locked.
  const bool seal = sealsWrites() && !(deletedMs < 0 && keptReadableWhileLocked(record));
  const std::string text = seal ? encodeSealedEnvelope(record, deletedMs, *m_sealer) : encodeEnvelope(record, deletedMs);
  // Never a file the next start could not read (decodeEnvelope's limit): sealing makes a body about a
  // third larger, so the check is on what would be written. The file there stays as it was.
  if (text.size() > kMaxRecordBytes) {
    return {ErrorCode::Invalid, "this is more than Toward can keep in one record: 16 MB"};
  }
  return m_files->writeFileAtomic(path, text);
}

Result<StoredRecord> RecordStore::readWhileLocked(const std::string& typeId, const std::string& id) const {
  const Status none{ErrorCode::NotFound, "Nothing can be read while Toward is locked."};
  const RecordType* type = m_registry.recordType(typeId);
  if (!type || !type->readableWhileLocked || !isValidRecordId(id)) return none;
  auto text = m_files->readFile(recordPath(typeId, id));
  if (!text) return none;
  auto decoded = decodeEnvelope(text.value(), nullptr);   // never with the key: sealed files stay closed
  if (!decoded) return none;
  StoredRecord& r = decoded.value().record;
  if (r.type != typeId || r.id != id || r.schema > type->schema || r.schema < type->minSchema) return none;
  if (!type->readableWhileLocked(r.body, r.schema)) return none;
  return r;
}

Result<DecodedEnvelope> RecordStore::readEnvelopeFile(const std::string& path) const {
  auto text = m_files->readFile(path);
  if (!text) return text.error();
  return decodeEnvelope(text.value(), m_sealer);
}

Status RecordStore::writable() const {
  if (!m_readOnlyReason.empty()) return {ErrorCode::ReadOnly, m_readOnlyReason};
  if (m_locked) return {ErrorCode::Locked, "Toward is locked. Please unlock it first."};
  if (m_opening) return {ErrorCode::Locked, "Toward is still opening your words. Please try again in a moment."};
  return Status::ok();
}

void RecordStore::setSealer(const RecordSealer* sealer, bool sealWrites) {
  m_sealer = sealer;
  m_sealWrites = sealWrites;
}

void RecordStore::lock() {
  m_records.clear();
  m_readAtLoad.clear();
  m_trash.clear();
  m_untouchable.clear();
  m_problems.clear();
  m_opening = false;
  m_opener = Opener{};
  m_locked = true;
  m_loadedOnce = true;  // the load() that unlocks tells listeners too
  notify(RecordChange::Kind::Reloaded, "", "");
}

void RecordStore::collectSideFiles(const std::string& relDir, std::vector<std::string>& out) const {
  const std::string dir = relDir.empty() ? m_root : m_root + "/" + relDir;
  if (!relDir.empty()) {
    for (const auto& name : m_files->listFiles(dir)) {
      if (!endsWith(name, ".tmp")) out.push_back(relDir + "/" + name);
    }
  }
  for (const auto& sub : m_files->listDirs(dir)) {
    if (relDir.empty() && (sub == "records" || sub == "trash")) continue;
    collectSideFiles(relDir.empty() ? sub : relDir + "/" + sub, out);
  }
}

std::vector<RecordStore::RewriteItem> RecordStore::rewritePlan() const {
  std::vector<RewriteItem> plan;
  for (const auto& [type, byId] : m_records) {
    for (const auto& [id, r] : byId) plan.push_back({RewriteItem::Kind::Live, type, id});
  }
  for (const auto& [type, byId] : m_trash) {
    for (const auto& [id, t] : byId) plan.push_back({RewriteItem::Kind::Trash, type, id});
  }
  std::vector<std::string> side;
  collectSideFiles("", side);
  for (auto& relPath : side) plan.push_back({RewriteItem::Kind::Side, "", std::move(relPath)});
  return plan;
}

Status RecordStore::rewriteOne(const RewriteItem& item) {
  if (auto w = writable(); !w) return w;
  switch (item.kind) {
    case RewriteItem::Kind::Live: {
      const StoredRecord* r = find(item.type, item.id);
      if (!r) return Status::ok();  // gone since the plan was made
      if (auto s = writeEnvelopeFile(recordPath(item.type, item.id), *r); !s) return s;
      break;
    }
    case RewriteItem::Kind::Trash: {
      auto byType = m_trash.find(item.type);
      if (byType == m_trash.end() || !byType->second.count(item.id)) return Status::ok();
      const TrashedRecord& t = byType->second.at(item.id);
      if (auto s = writeEnvelopeFile(trashPath(item.type, item.id), t.record, t.deletedMs); !s) return s;
      break;
    }
    case RewriteItem::Kind::Side: {
      auto text = readSideFile(item.id);
      if (!text) return Status::ok();  // kept untouched, as at load (or removed since)
      return writeSideFile(item.id, text.value());
    }
  }
  ++m_generation;
  return Status::ok();
}

Status RecordStore::writeMetaFile(const std::string& name, const std::string& text) {
  if (!m_readOnlyReason.empty()) return {ErrorCode::ReadOnly, m_readOnlyReason};
  if (auto s = m_files->makeDirs(m_root); !s) return s;
  if (auto s = m_files->writeFileAtomic(m_root + "/" + name, text); !s) return s;
  ++m_generation;
  return Status::ok();
}

Result<std::string> RecordStore::readMetaFile(const std::string& name) const {
  return m_files->readFile(m_root + "/" + name);
}

Status RecordStore::removeMetaFile(const std::string& name) {
  if (!m_readOnlyReason.empty()) return {ErrorCode::ReadOnly, m_readOnlyReason};
  if (auto s = m_files->removeFile(m_root + "/" + name); !s) return s;
  ++m_generation;
  return Status::ok();
}

Result<StoredRecord> RecordStore::put(const std::string& typeId, const std::string& idIn, const std::string& body,
                                      uint32_t schema) {
  if (auto w = writable(); !w) return w;
  const RecordType* type = m_registry.recordType(typeId);
  if (!type) return Status{ErrorCode::Invalid, "Toward does not know this kind of record (" + typeId + ")."};
  if (!idIn.empty() && !isValidRecordId(idIn)) return Status{ErrorCode::Invalid, "This record id cannot be used."};
  const uint32_t bodySchema = schema == 0 ? type->schema : schema;
  auto normalized = type->normalize(body, bodySchema);
  if (!normalized) {
    return Status{normalized.error().code(), "This " + type->noun + " could not be saved: " + normalized.error().message() + "."};
  }
  return writeRecord(*type, idIn, std::move(normalized.value()));
}

Result<StoredRecord> RecordStore::putOwn(const std::string& typeId, const std::string& idIn, std::string body) {
  if (auto w = writable(); !w) return w;
  const RecordType* type = m_registry.recordType(typeId);
  if (!type) return Status{ErrorCode::Invalid, "Toward does not know this kind of record (" + typeId + ")."};
  if (!idIn.empty() && !isValidRecordId(idIn)) return Status{ErrorCode::Invalid, "This record id cannot be used."};
  return writeRecord(*type, idIn, std::move(body));
}

Result<StoredRecord> RecordStore::writeRecord(const RecordType& type, const std::string& idIn, std::string body) {
  const std::string& typeId = type.id;
  const int64_t now = m_clock();
  StoredRecord r;
  r.type = typeId;
  r.id = idIn.empty() ? newRecordId(now) : idIn;
  r.schema = type.schema;
  r.body = std::move(body);
  r.createdMs = now;
  r.updatedMs = now;
  const std::string path = recordPath(typeId, r.id);
  if (m_untouchable.count(path)) {
    return Status{ErrorCode::Invalid, "A record with this id is kept aside untouched and cannot be replaced."};
  }
  if (const StoredRecord* old = find(typeId, r.id)) {
    if (old->body == r.body) return *old;  // nothing changed: no write, no sync
    r.createdMs = old->createdMs;
    r.revision = old->revision + 1;
    r.updatedMs = std::max(now, old->updatedMs);
  }
  if (auto s = writeEnvelopeFile(path, r); !s) return s;
  StoredRecord& kept = m_records[typeId][r.id];
  kept = std::move(r);
  StoredRecord saved = kept;   // (a listener may change the store)
  ++m_generation;
  notify(RecordChange::Kind::Saved, typeId, saved.id);
  return saved;
}

Status RecordStore::remove(const std::string& type, const std::string& id) {
  if (auto w = writable(); !w) return w;
  auto byType = m_records.find(type);
  if (byType == m_records.end() || !byType->second.count(id)) return {ErrorCode::NotFound, "This record is no longer here."};
  TrashedRecord t{byType->second.at(id), m_clock()};
  // Trash copy first: a crash in between leaves the record in both places, never in neither.
  if (auto s = writeEnvelopeFile(trashPath(type, id), t.record, t.deletedMs); !s) return s;
  if (auto s = m_files->removeFile(recordPath(type, id)); !s) return s;
  byType->second.erase(id);
  m_trash[type][id] = std::move(t);
  ++m_generation;
  notify(RecordChange::Kind::Removed, type, id);
  return Status::ok();
}

Status RecordStore::restore(const std::string& type, const std::string& id) {
  if (auto w = writable(); !w) return w;
  auto byType = m_trash.find(type);
  if (byType == m_trash.end() || !byType->second.count(id)) return {ErrorCode::NotFound, "This is no longer in the trash."};
  StoredRecord r = byType->second.at(id).record;
  if (const StoredRecord* live = find(type, id)) r.revision = std::max(r.revision, live->revision) + 1;
  if (auto s = writeEnvelopeFile(recordPath(type, id), r); !s) return s;
  if (auto s = m_files->removeFile(trashPath(type, id)); !s) return s;
  byType->second.erase(id);
  m_records[type][id] = std::move(r);
  ++m_generation;
  notify(RecordChange::Kind::Restored, type, id);
  return Status::ok();
}

Status RecordStore::purge(const std::string& type, const std::string& id) {
  if (auto w = writable(); !w) return w;
  auto byType = m_trash.find(type);
  if (byType == m_trash.end() || !byType->second.count(id)) return {ErrorCode::NotFound, "This is no longer in the trash."};
  if (auto s = m_files->removeFile(trashPath(type, id)); !s) return s;
  byType->second.erase(id);
  ++m_generation;
  notify(RecordChange::Kind::Purged, type, id);
  return Status::ok();
}

size_t RecordStore::purgeExpired() {
  if (readOnly()) return 0;
  const int64_t cutoff = m_clock() - kTrashDays * kDayMs;
  std::vector<std::pair<std::string, std::string>> expired;
  for (const auto& [type, byId] : m_trash) {
    for (const auto& [id, t] : byId) {
      if (t.deletedMs < cutoff) expired.emplace_back(type, id);
    }
  }
  size_t purged = 0;
  for (const auto& [type, id] : expired) {
    if (purge(type, id)) ++purged;
  }
  return purged;
}

Status RecordStore::adopt(const StoredRecord& record) {
  if (auto w = writable(); !w) return w;
  const std::string path = recordPath(record.type, record.id);
  if (m_untouchable.count(path)) return {ErrorCode::Invalid, "A record with this id is kept aside untouched and cannot be replaced."};
  if (auto s = writeEnvelopeFile(path, record); !s) return s;
  forgetReadAtLoad(record.type, record.id);
  m_records[record.type][record.id] = record;
  auto trashed = m_trash.find(record.type);
  if (trashed != m_trash.end() && trashed->second.count(record.id)) {
    if (auto s = m_files->removeFile(trashPath(record.type, record.id)); !s) return s;
    trashed->second.erase(record.id);
  }
  ++m_generation;
  return Status::ok();
}

Status RecordStore::adoptTrashed(const TrashedRecord& t) {
  if (auto w = writable(); !w) return w;
  const std::string path = trashPath(t.record.type, t.record.id);
  if (m_untouchable.count(path)) return {ErrorCode::Invalid, "A record with this id is kept aside untouched and cannot be replaced."};
  if (auto s = writeEnvelopeFile(path, t.record, t.deletedMs); !s) return s;
  m_trash[t.record.type][t.record.id] = t;
  ++m_generation;
  return Status::ok();
}

Status RecordStore::discard(const std::string& type, const std::string& id, bool trashed) {
  if (auto w = writable(); !w) return w;
  const bool present = trashed ? (m_trash.count(type) && m_trash.at(type).count(id))
                                : (m_records.count(type) && m_records.at(type).count(id));
  if (!present) return {ErrorCode::NotFound, "This record is no longer here."};
  if (auto s = m_files->removeFile(trashed ? trashPath(type, id) : recordPath(type, id)); !s) return s;
  if (trashed) m_trash[type].erase(id); else m_records[type].erase(id);
  if (!trashed) forgetReadAtLoad(type, id);
  ++m_generation;
  return Status::ok();
}

Status RecordStore::forgetBlank(const std::string& type, const std::string& id) {
  auto s = discard(type, id, false);
  if (s) notify(RecordChange::Kind::Removed, type, id);
  return s;
}

void RecordStore::announceReload() { notify(RecordChange::Kind::Reloaded, "", ""); }

void RecordStore::announceChange(RecordChange::Kind kind, const std::string& type, const std::string& id) {
  notify(kind, type, id);
}

Status RecordStore::writeSideFile(const std::string& relPath, const std::string& text) {
  if (auto w = writable(); !w) return w;
  const std::string path = m_root + "/" + relPath;
  if (auto s = m_files->makeDirs(path.substr(0, path.rfind('/'))); !s) return s;
  if (auto s = m_files->writeFileAtomic(path, sealsWrites() ? encodeSealedSideFile(relPath, text, *m_sealer) : text); !s) return s;
  ++m_generation;
  return Status::ok();
}

Result<std::string> RecordStore::readSideFile(const std::string& relPath) const {
  auto text = m_files->readFile(m_root + "/" + relPath);
  if (!text) return text;
  return decodeSideFile(relPath, text.value(), m_sealer);
}

std::vector<std::string> RecordStore::listSideFiles(const std::string& relDir) const {
  return m_files->listFiles(m_root + "/" + relDir);
}

Status RecordStore::removeSideFile(const std::string& relPath) {
  if (auto w = writable(); !w) return w;
  if (auto s = m_files->removeFile(m_root + "/" + relPath); !s) return s;
  ++m_generation;
  return Status::ok();
}

const StoredRecord* RecordStore::find(const std::string& type, const std::string& id) const {
  auto byType = m_records.find(type);
  if (byType == m_records.end()) return nullptr;
  auto it = byType->second.find(id);
  return it == byType->second.end() ? nullptr : &it->second;
}

std::vector<const StoredRecord*> RecordStore::list(const std::string& type) const {
  std::vector<const StoredRecord*> out;
  auto byType = m_records.find(type);
  if (byType == m_records.end()) return out;
  out.reserve(byType->second.size());
  for (const auto& [id, r] : byType->second) out.push_back(&r);
  std::stable_sort(out.begin(), out.end(), [](const StoredRecord* a, const StoredRecord* b) { return a->createdMs < b->createdMs; });
  return out;
}

std::vector<const TrashedRecord*> RecordStore::trash() const {
  std::vector<const TrashedRecord*> out;
  for (const auto& [type, byId] : m_trash) {
    for (const auto& [id, t] : byId) out.push_back(&t);
  }
  std::stable_sort(out.begin(), out.end(), [](const TrashedRecord* a, const TrashedRecord* b) { return a->deletedMs > b->deletedMs; });
  return out;
}

namespace {
// Up to `limit` values of `byId` after `afterId`, in id order.
template <class T>
std::vector<const T*> valuesAfter(const std::map<std::string, std::map<std::string, T>>& byType, const std::string& type,
                                  const std::string& afterId, size_t limit) {
  std::vector<const T*> out;
  const auto of = byType.find(type);
  if (of == byType.end()) return out;
  for (auto it = afterId.empty() ? of->second.begin() : of->second.upper_bound(afterId);
       it != of->second.end() && out.size() < limit; ++it) {
    out.push_back(&it->second);
  }
  return out;
}
}  // namespace

std::vector<const StoredRecord*> RecordStore::listAfter(const std::string& type, const std::string& afterId, size_t limit) const {
  return valuesAfter(m_records, type, afterId, limit);
}

std::vector<const TrashedRecord*> RecordStore::trashAfter(const std::string& type, const std::string& afterId, size_t limit) const {
  return valuesAfter(m_trash, type, afterId, limit);
}

const TrashedRecord* RecordStore::findTrashed(const std::string& type, const std::string& id) const {
  const auto byType = m_trash.find(type);
  if (byType == m_trash.end()) return nullptr;
  const auto it = byType->second.find(id);
  return it == byType->second.end() ? nullptr : &it->second;
}

std::vector<std::string> RecordStore::trashTypes() const {
  std::vector<std::string> out;
  for (const auto& [type, byId] : m_trash) {
    if (!byId.empty()) out.push_back(type);
  }
  return out;
}

size_t RecordStore::count() const {
  size_t n = 0;
  for (const auto& [type, byId] : m_records) n += byId.size();
  return n;
}

int RecordStore::addListener(Listener listener) {
  int handle = m_nextListener++;
  m_listeners[handle] = std::move(listener);
  return handle;
}

void RecordStore::removeListener(int handle) { m_listeners.erase(handle); }

void RecordStore::notify(RecordChange::Kind kind, const std::string& type, const std::string& id) {
  if (kind != RecordChange::Kind::Reloaded) forgetReadAtLoad(type, id);   // what was read at load is stale now
  RecordChange change{kind, type, id};
  for (const auto& [handle, listener] : m_listeners) listener(change);
}

std::string describeLoadProblems(const std::vector<LoadProblem>& problems, size_t limit) {
  std::string out;
  for (size_t i = 0; i < problems.size() && i < limit; ++i) {
    if (!out.empty()) out += '\n';
    out += problems[i].path + ": " + problems[i].message;
  }
  if (problems.size() > limit) out += "\n... and " + std::to_string(problems.size() - limit) + " more";
  return out;
}

}  // namespace toward::core
