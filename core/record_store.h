// core/record_store.h: every record in its own file, so saving one record costs one file write.
//   <root>/records/<type>/<id>.json   live records
//   <root>/trash/<type>/<id>.json     deleted records, restorable for kTrashDays days
// Files are written atomically (core/files.h). Loading never fails as a whole: a damaged file, an
// unknown type, a record from a newer version or a body that does not read as its type (checkBody) is
// reported, left untouched on disk, and skipped.
// Only the core touches these files; plugins read and write records through this class.
// The files live where the store is told (core/file_system.h): on the device, or in memory only
// (RecordStore::inMemory: everything works the same and nothing is ever written to the disk).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/file_system.h"
#include "core/record.h"
#include "core/record_codec.h"
#include "core/record_sealer.h"
#include "core/registry.h"
#include "core/result.h"

namespace toward::core {

inline constexpr int64_t kTrashDays = 30;
inline constexpr int64_t kDayMs = 24LL * 60 * 60 * 1000;

// A file that could not be read; it stays on disk exactly as it was.
struct LoadProblem {
  std::string path;
  std::string message;   // plain words, e.g. "this record was written by a newer version of Toward"
};

// The detail behind "Details" on the note about files that could not be opened: each file with its
// own reason (at most `limit` lines, then how many more), for someone helping the person.
std::string describeLoadProblems(const std::vector<LoadProblem>& problems, size_t limit = 12);

struct LoadReport {
  size_t records = 0;
  size_t trashed = 0;
  std::vector<LoadProblem> problems;
};

struct RecordChange {
  enum class Kind { Saved, Removed, Restored, Purged, Reloaded };  // Reloaded: everything, type empty
  Kind kind;
  std::string type;
  std::string id;
};

// Whether `record`'s body reads as `type` (RecordType::check, or normalize when a type has none).
Status checkBody(const RecordType& type, const StoredRecord& record);

class RecordStore {
 public:
  using Clock = std::function<int64_t()>;
  using Listener = std::function<void(const RecordChange&)>;

  // root: the data folder (the IndexedDB mount in the browser). The registry must outlive the store, and
  // `files` (where root is) too.
  RecordStore(std::string root, const Registry& registry, Clock clock, FileSystem& files = deviceFiles());
  // A store whose files are held in memory only and go with it: nothing it holds ever touches the disk
  // (decrypted backups read by toward-cli). It starts empty; load() is not needed.
  static RecordStore inMemory(const Registry& registry, Clock clock);

  // Reads every record file under root. Call after the platform's initial load; calling it again
  // (after another tab wrote) tells listeners with a Reloaded change. The same as beginLoad() and one
  // loadStep() to the end.
  LoadReport load();

  // --- Opening a few milliseconds at a time (the app's start with many records). beginLoad() empties the
  // store and refuses writes ("still opening") until loadStep() has read the last file. The settings are
  // read first (the first frame's look is theirs); lock() or load() ends an opening part way.
  // Tree::Arriving: the files under root are still coming (the browser's start draws its first frames while
  // IndexedDB is read; only the settings are there yet). loadStep() then reads what is there and waits at
  // the end of it, never finishing, until treeArrived() adds the folders that came since.
  enum class Tree { Whole, Arriving };
  void beginLoad(Tree tree = Tree::Whole);
  void treeArrived();
  // Reads files, asking `keepGoing` after each one (nullptr: to the end). True once every file is read: the
  // store is then as after load(), and listeners hear Reloaded if it was loaded or locked before, or
  // tellListenersWhenOpen() was called (the models were made while it opened).
  bool loadStep(const std::function<bool()>& keepGoing);
  bool opening() const { return m_opening; }
  void tellListenersWhenOpen() { m_loadedOnce = true; }
  // Files read so far and files there are, while opening (a progress bar); {0, 0} otherwise.
  std::pair<size_t, size_t> openingProgress() const;

  // Saves `body` (written with `schema`, 0 = the type's current schema) as record `id` of `type`;
  // an empty id creates a new record. The body is normalized by the type. Returns the saved record.
  Result<StoredRecord> put(const std::string& type, const std::string& id, const std::string& body, uint32_t schema = 0);
  // The same for a body a model made itself with saveBody<T>() of the type's current schema (its own
  // autosave): trusted as it is, written without being read and written again. Bodies from anywhere else
  // go through put(); what is on disk is checked at load and at import (RecordType::check) either way.
  Result<StoredRecord> putOwn(const std::string& type, const std::string& id, std::string body);
  // Moves a record to the trash.
  Status remove(const std::string& type, const std::string& id);
  // Brings a record back from the trash.
  Status restore(const std::string& type, const std::string& id);
  // Deletes a trashed record for good (only by the person's explicit choice, or after it expired).
  Status purge(const std::string& type, const std::string& id);
  // Deletes trashed records older than kTrashDays; returns how many.
  size_t purgeExpired();

  const StoredRecord* find(const std::string& type, const std::string& id) const;
  // A record whose own body asks to stay readable while the vault is locked (RecordType::
  // readableWhileLocked), read straight from its file: works while locked, and only for such a record in
  // an unsealed file. NotFound for anything else (another type, a sealed file, a body that does not ask).
  Result<StoredRecord> readWhileLocked(const std::string& type, const std::string& id) const;
  // Records of one type, oldest created first.
  std::vector<const StoredRecord*> list(const std::string& type) const;
  // Trashed records, most recently deleted first.
  std::vector<const TrashedRecord*> trash() const;
  // For copying a large store a few records at a time (backup::DocumentCopier): up to `limit` live records of
  // `type` whose ids come after `afterId` ("" for the first), in id order; the same of the trash; a trashed
  // record by its key; and the types the trash holds.
  std::vector<const StoredRecord*> listAfter(const std::string& type, const std::string& afterId, size_t limit) const;
  std::vector<const TrashedRecord*> trashAfter(const std::string& type, const std::string& afterId, size_t limit) const;
  const TrashedRecord* findTrashed(const std::string& type, const std::string& id) const;
  std::vector<std::string> trashTypes() const;
  size_t count() const;
  // Files found at load that could not be read (kept untouched).
  const std::vector<LoadProblem>& problems() const { return m_problems; }

  // --- Bringing records in as they are (backup import, core/backup): revision and times are kept.
  // Writes `record` as a live record, replacing one with the same id and dropping a trashed copy with
  // the same id. Listeners are not told: call announceChange() for each record (as an import does, so
  // models update a record at a time across frames) or announceReload() once after a batch.
  Status adopt(const StoredRecord& record);
  // Writes `record` into the trash as it is (same rules as adopt()).
  Status adoptTrashed(const TrashedRecord& record);
  // Deletes a live (or, with `trashed`, a trashed) record's file without keeping it in the trash.
  // Only for replacing everything after a safety snapshot was written.
  Status discard(const std::string& type, const std::string& id, bool trashed);
  // Deletes a live record that holds nothing of the person's (a new entry or letter left without a word)
  // without a trash copy, and tells listeners (a Removed change). Plugins decide what "nothing" is.
  Status forgetBlank(const std::string& type, const std::string& id);
  // Tells listeners that anything may have changed (a Reloaded change).
  void announceReload();
  // Tells listeners of one record brought in or taken out by adopt(), adoptTrashed() or discard().
  void announceChange(RecordChange::Kind kind, const std::string& type, const std::string& id);

  // --- Side files: whole documents kept beside the records (safety snapshots), under root.
  // relPath is relative to root, e.g. "snapshots/1764000000000.json". Like record files, these are the
  // person's data: they are written atomically and through the same single point as records.
  Status writeSideFile(const std::string& relPath, const std::string& text);
  Result<std::string> readSideFile(const std::string& relPath) const;
  // File names in a side folder (e.g. "snapshots"), unsorted.
  std::vector<std::string> listSideFiles(const std::string& relDir) const;
  Status removeSideFile(const std::string& relPath);

  // --- Meta files: small plain files directly under root that must be readable while the vault is
  // locked (the vault's unlock metadata, core/vault/vault.h). Never sealed; name is a plain file name.
  Status writeMetaFile(const std::string& name, const std::string& text);
  Result<std::string> readMetaFile(const std::string& name) const;
  Status removeMetaFile(const std::string& name);

  // --- The vault (core/vault/vault.h). With a sealer, sealed files are opened on reading, and with
  // sealWrites every record, trash and side file is written sealed (envelope format 2). The sealer
  // must outlive its use here; pass nullptr to forget it. The one exception: a live record whose body
  // asks to stay readable while locked (RecordType::readableWhileLocked) is written unsealed.
  void setSealer(const RecordSealer* sealer, bool sealWrites);
  bool sealsWrites() const { return m_sealer && m_sealWrites; }
  // Writing every record, trashed record and side file again in the current form (sealed or plain), as a
  // list, for doing it a few files at a time across frames (turning the vault on or off with a progress
  // bar): one atomic file at a time, so an interruption leaves each file whole in one form or the other.
  // Files that could not be read at load stay untouched. Kind Side: `id` is the side file's path
  // relative to root.
  struct RewriteItem {
    enum class Kind { Live, Trash, Side } kind = Kind::Live;
    std::string type, id;
  };
  std::vector<RewriteItem> rewritePlan() const;
  // Rewrites one item of rewritePlan(); an item gone since (deleted, restored) is skipped.
  Status rewriteOne(const RewriteItem& item);
  // Drops every record and trashed record from memory, refuses writes, and tells listeners (Reloaded)
  // so that models drop what they parsed. load() (with a sealer again) ends it.
  void lock();
  bool locked() const { return m_locked; }

  // Grows by one with every change written to files; the durability tracker follows it.
  uint64_t generation() const { return m_generation; }

  // While a reason is set, every write is refused with that reason (e.g. another tab is the writer).
  void setReadOnly(std::string reason) { m_readOnlyReason = std::move(reason); }
  bool readOnly() const { return !m_readOnlyReason.empty(); }

  // What the record's type read from its body at load (RecordType::read), handed over once: a model filling
  // its view at start, or after a Reloaded change, takes it instead of parsing the body again. Null when the
  // type has no reader, the record changed since the load, or it was taken already. T is the type the
  // type's reader makes. Null while the store is opening (beginLoad): kept for the models' Reloaded.
  template <class T>
  std::shared_ptr<T> takeRead(const std::string& type, const std::string& id) {
    return std::static_pointer_cast<T>(takeReadAtLoad(type, id));
  }
  // Lets go of whatever no model took (the app calls it once its models are made).
  void dropReadAtLoad();

  // Called after every change; returns a handle for removeListener.
  int addListener(Listener listener);
  void removeListener(int handle);

  const std::string& root() const { return m_root; }
  int64_t now() const { return m_clock(); }

 private:
  std::string recordPath(const std::string& type, const std::string& id) const;
  std::string trashPath(const std::string& type, const std::string& id) const;
  Status writable() const;
  // put() and putOwn() after the body is in the type's current schema: writes it and tells listeners.
  Result<StoredRecord> writeRecord(const RecordType& type, const std::string& id, std::string body);
  // The single points where records and side files meet the file system (the vault seals here).
  Status writeEnvelopeFile(const std::string& path, const StoredRecord& record, int64_t deletedMs = -1);
  // True when `record`, as a live record, is to be written unsealed (see readWhileLocked).
  bool keptReadableWhileLocked(const StoredRecord& record) const;
  Result<DecodedEnvelope> readEnvelopeFile(const std::string& path) const;
  // Where an opening (beginLoad, loadStep) has got to: each type's folder, and the files of the one being read.
  struct Opener {
    struct Folder {
      std::string path, type;
      bool trash = false;
      size_t expected = 0;   // files listed when the opening began
    };
    std::vector<Folder> folders;
    size_t folder = 0;
    std::vector<FolderFile> files;   // the current part of the current folder (FileSystem::readFolderPart)
    size_t file = 0;                 // the next of them
    bool partsBegun = false;         // a part of the current folder was read, so `entries` is known
    size_t from = 0, entries = 0;    // the next part's first entry; how many the folder has
    std::map<std::string, StoredRecord>* records = nullptr;                  // m_records[type], once needed
    std::unordered_map<std::string, std::shared_ptr<void>>* readOfType = nullptr;  // m_readAtLoad[type]
    size_t done = 0, total = 0;
    bool arriving = false;           // beginLoad(Tree::Arriving) until treeArrived()
    LoadReport report;
  };
  // beginLoad() (`counted`: the folders' entries counted for openingProgress) and load()'s first half.
  void startLoad(bool counted);
  // Appends the folders under records/ and trash/ not listed yet (`counted`: their entries counted).
  void listFolders(bool counted);
  void loadFile(const Opener::Folder& folder, FolderFile& file);
  static constexpr size_t kOpenPart = 256;   // files read in one call while opening step by step
  // Side files under every folder of root except records/ and trash/ (relative paths), recursively.
  void collectSideFiles(const std::string& relDir, std::vector<std::string>& out) const;
  void notify(RecordChange::Kind kind, const std::string& type, const std::string& id);
  std::shared_ptr<void> takeReadAtLoad(const std::string& type, const std::string& id);
  void forgetReadAtLoad(const std::string& type, const std::string& id);

  RecordStore(std::string root, const Registry& registry, Clock clock, std::unique_ptr<FileSystem> ownFiles);

  std::string m_root;
  const Registry& m_registry;
  Clock m_clock;
  std::unique_ptr<FileSystem> m_ownFiles;   // inMemory(): the store's own MemoryFiles
  FileSystem* m_files;                      // where every file of this store is read and written
  std::map<std::string, std::map<std::string, StoredRecord>> m_records;   // type -> id -> record
  std::map<std::string, std::map<std::string, TrashedRecord>> m_trash;    // type -> id -> record
  std::map<std::string, std::string> m_untouchable;                       // path -> why
  // type -> id -> what RecordType::read made of the body at load, until a model takes it (takeRead)
  std::map<std::string, std::unordered_map<std::string, std::shared_ptr<void>>> m_readAtLoad;
  std::vector<LoadProblem> m_problems;
  std::map<int, Listener> m_listeners;
  int m_nextListener = 1;
  uint64_t m_generation = 0;
  bool m_loadedOnce = false;
  bool m_opening = false;
  Opener m_opener;
  std::string m_readOnlyReason;
  const RecordSealer* m_sealer = nullptr;
  bool m_sealWrites = false;
  bool m_locked = false;
};

}  // namespace toward::core
