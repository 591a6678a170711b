// plugins/journal/journal_model.cpp: see journal_model.h.
#include "plugins/journal/journal_model.h"

#include "core/settings.h"

#include <algorithm>

#include "core/text_fold.h"
#include "core/time_format.h"
#include "plugins/journal/feelings_vocabulary.h"

namespace toward::journal {
namespace {

std::string isoDate(int64_t ms) { return core::formatIsoDateUtc(ms); }

std::string joined(const std::vector<std::string>& xs, const char* sep = ", ") {
  std::string out;
  for (size_t i = 0; i < xs.size(); ++i) out += (i ? sep : "") + xs[i];
  return out;
}

std::string snippetOf(const JournalEntry& e) {
  if (!e.contentNote.empty()) return "";  // behind its note: no words of it shown unasked
  return core::firstWords(e.text.empty() ? e.fork.whatHappened : e.text, 120);
}

}  // namespace

bool holdsNothing(const JournalEntry& e) {
  const Fork& f = e.fork;
  return core::countWords(e.title) == 0 && core::countWords(e.text) == 0 && e.tags.empty() && !e.bringToSession &&
         core::countWords(e.contentNote) == 0 && !e.doNotResurface && core::countWords(f.whatHappened) == 0 &&
         f.feelings.empty() && f.bodyAreas.empty() && f.urges.empty() && f.direction.empty() && f.secondsStayed == 0 &&
         f.compassionFrom.empty() && f.intensityAfter < 0 && core::countWords(f.afterwards) == 0;
}

bool isHardMoment(const JournalEntry& entry) {
  for (const auto& f : entry.fork.feelings) {
    if (f.intensity >= kHardIntensity) return true;
  }
  for (const auto& u : entry.fork.urges) {
    if (u == "self-harm urge") return true;
  }
  return false;
}

core::Status registerJournal(core::Registry& registry) {
  auto type = core::makeRecordType<JournalEntry>(kEntryType, "journal entry", describeEntry);
  type.normalize = normalizeEntry;   // the same text, faster (every entry of a backup is normalized once)
  type.check = checkEntry;           // every entry is checked at load: the quick reader first
  // ... and read once there: the model takes the entry the check read (RecordStore::takeRead).
  type.read = [](const std::string& body, uint32_t schema) -> core::Result<std::shared_ptr<void>> {
    auto read = readEntry(body, schema);
    if (!read) return read.error();
    return std::shared_ptr<void>(std::make_shared<JournalEntry>(std::move(read.value())));
  };
  return registry.addRecordType(std::move(type));
}

JournalModel::JournalModel(core::RecordStore& store) : m_store(store) {
  reloadAll();
  m_listener = m_store.addListener([this](const core::RecordChange& change) {
    if (change.kind == core::RecordChange::Kind::Reloaded) reloadAll();
    else if (change.type == kEntryType) reloadOne(change.id);
    else if (change.type == core::kSettingsType) ++m_settingsChanges;   // "On this day" may be turned off
  });
}

JournalModel::~JournalModel() { m_store.removeListener(m_listener); }

void JournalModel::attach(core::Registry& registry) {
  registry.addSearchProvider(this);
  registry.addMetricsProvider(this);
  registry.addExportProvider(this);
  registry.addNextSessionProvider(this);
}

// ---------------------------------------------------------------- [SECTION] entries
void JournalModel::reloadAll() {
  m_orderDirty = true;   // sorted once, when next asked
  m_entries.clear();
  m_unfolded = 0;
  m_foldQueue.clear();
  const auto records = m_store.list(kEntryType);
  m_entries.reserve(records.size());
  for (const auto* r : records) reloadOne(r->id);
  ++m_changeCount;
}

std::vector<std::string>::iterator JournalModel::orderSlot(int64_t timeMs, const std::string& id) const {
  return std::lower_bound(m_ordered.begin(), m_ordered.end(), 0, [&](const std::string& x, int) {
    const int64_t t = m_entries.find(x)->second.entry.timeMs;
    return t != timeMs ? t > timeMs : x > id;   // x comes before (timeMs, id)
  });
}

void JournalModel::reloadOne(const std::string& id) {
  ++m_changeCount;
  // A kept order loses the entry where it stood (its old time), and gets it back where its new time puts it.
  if (!m_orderDirty) {
    if (auto before = m_entries.find(id); before != m_entries.end()) {
      auto slot = orderSlot(before->second.entry.timeMs, id);
      if (slot != m_ordered.end() && *slot == id) m_ordered.erase(slot);
      else m_orderDirty = true;   // not where it should be: sort again, to be sure
    }
  }
  const core::StoredRecord* r = m_store.find(kEntryType, id);
  if (!r) {
    auto gone = m_entries.find(id);
    if (gone != m_entries.end() && !gone->second.foldedReady) --m_unfolded;
    if (gone != m_entries.end()) m_entries.erase(gone);
    return;
  }
  JournalEntry entry;
  // At start the store has read it already (RecordType::read above); otherwise the quick reader handles the
  // current schema and anything else goes through the versioned loader.
  if (auto read = m_store.takeRead<JournalEntry>(kEntryType, id)) {
    entry = std::move(*read);
  } else if (r->schema != JournalEntry::kSchema || !readEntryQuick(r->body, entry)) {
    auto loaded = core::loadBody<JournalEntry>(r->body, r->schema);
    if (!loaded) {  // the store only holds readable records, so this is not expected; keep the old view
      m_orderDirty = true;
      return;
    }
    entry = std::move(loaded.value());
  }
  if (entry.timeMs == 0) entry.timeMs = r->createdMs;
  auto [slot, inserted] = m_entries.try_emplace(id);
  Item& item = slot->second;
  if (inserted || item.foldedReady) {
    ++m_unfolded;
    m_foldQueue.push_back(id);
  }
  item.folded.clear();
  item.foldedReady = false;
  item.entry = std::move(entry);
  if (!m_orderDirty) m_ordered.insert(orderSlot(item.entry.timeMs, id), id);
}

core::Result<std::string> JournalModel::create(const std::string& kind) {
  JournalEntry e;
  e.kind = kind;
  return add(std::move(e));
}

core::Result<std::string> JournalModel::add(JournalEntry entry) {
  entry.sanitize();
  if (entry.timeMs == 0) entry.timeMs = m_store.now();
  auto saved = m_store.put(kEntryType, "", core::saveBody(entry));
  if (!saved) return saved.error();
  return saved.value().id;
}

core::Status JournalModel::save(const std::string& id, const JournalEntry& entry) {
  auto saved = m_store.put(kEntryType, id, core::saveBody(entry));
  return saved ? core::Status::ok() : saved.error();
}

core::Status JournalModel::remove(const std::string& id) { return m_store.remove(kEntryType, id); }

bool JournalModel::forgetIfBlank(const std::string& id) {
  const JournalEntry* e = find(id);
  return e && holdsNothing(*e) && m_store.forgetBlank(kEntryType, id);
}

core::Status JournalModel::setBringToSession(const std::string& id, bool bring) {
  const JournalEntry* e = find(id);
  if (!e) return {core::ErrorCode::NotFound, "that entry is no longer here"};
  if (e->bringToSession == bring) return core::Status::ok();
  JournalEntry changed = *e;
  changed.bringToSession = bring;
  return save(id, changed);
}

const JournalEntry* JournalModel::find(const std::string& id) const {
  auto it = m_entries.find(id);
  return it == m_entries.end() ? nullptr : &it->second.entry;
}

const std::vector<std::string>& JournalModel::ordered() const {
  if (m_orderDirty) {
    std::vector<std::pair<int64_t, const std::string*>> keyed;
    keyed.reserve(m_entries.size());
    for (const auto& [id, item] : m_entries) keyed.emplace_back(item.entry.timeMs, &id);
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : *a.second > *b.second;
    });
    m_ordered.clear();
    m_ordered.reserve(keyed.size());
    for (const auto& k : keyed) m_ordered.push_back(*k.second);
    m_orderDirty = false;
  }
  return m_ordered;
}

// ---------------------------------------------------------------- [SECTION] finding
std::string_view JournalModel::foldedFor(const Item& item, bool needed) const {
  if (!needed) return {};
  if (!item.foldedReady) {
    item.folded = foldedEntryText(item.entry);
    item.foldedReady = true;
    --m_unfolded;
  }
  return item.folded;
}

bool JournalModel::prepareSearchSome(size_t count) {
  if (m_unfolded == 0) {
    m_foldQueue.clear();
    return false;
  }
  while (count > 0 && !m_foldQueue.empty()) {
    auto it = m_entries.find(m_foldQueue.back());
    m_foldQueue.pop_back();
    if (it == m_entries.end() || it->second.foldedReady) continue;   // gone, or folded for a search already
    foldedFor(it->second, true);
    --count;
  }
  // Never expected (every entry that needs folding is queued), but a search must never miss one.
  if (m_foldQueue.empty() && m_unfolded > 0) {
    for (const auto& [id, item] : m_entries) {
      if (!item.foldedReady) m_foldQueue.push_back(id);
    }
  }
  return m_unfolded > 0;
}

void JournalModel::filter(const JournalFilter& f, std::vector<std::string>& out) const {
  FilterWalk walk;
  beginFilter(f, walk);
  filterSome(walk, SIZE_MAX);
  out.swap(walk.hits);
}

void JournalModel::beginFilter(const JournalFilter& f, FilterWalk& walk) const {
  walk.filter = f;
  walk.query = std::make_unique<FoldedQuery>(f.text);
  walk.hits.clear();
  walk.atChange = m_changeCount;
  walk.next = 0;
  walk.done = false;
}

bool JournalModel::filterSome(FilterWalk& walk, size_t count) const {
  if (walk.atChange != m_changeCount) {   // the entries changed (the list's pointers with them): again
    walk.hits.clear();
    walk.atChange = m_changeCount;
    walk.next = 0;
    walk.done = false;
  }
  if (walk.done) return true;
  if (!walk.filter.active()) {   // nothing narrows the list: every entry, in order, without looking at each
    walk.hits = ordered();
    walk.done = true;
    return true;
  }
  const auto& items = orderedItems();
  const bool fold = !walk.query->empty();
  const size_t end = count >= items.size() - walk.next ? items.size() : walk.next + count;
  for (; walk.next < end; ++walk.next) {
    const WalkItem& w = items[walk.next];
    const std::string_view text = !fold ? std::string_view() : w.folded ? std::string_view(w.folded, w.foldedSize) : foldedFor(*w.item, true);
    if (matchesFilter(w.item->entry, text, walk.filter, *walk.query)) walk.hits.push_back(*w.id);
  }
  walk.done = walk.next == items.size();
  return walk.done;
}

const std::vector<JournalModel::WalkItem>& JournalModel::orderedItems() const {
  const auto& ids = ordered();
  // Made before every entry was folded, some had no folded text to point to: once they all have, each gets its
  // own where it is (not the whole list again: after an edit, the walk folds that entry itself).
  if (m_orderedItemsAt == m_changeCount && m_orderedItems.size() == ids.size() && !m_orderedItemsFolded && m_unfolded == 0) {
    for (WalkItem& w : m_orderedItems) {
      if (!w.folded) w.folded = w.item->folded.data(), w.foldedSize = w.item->folded.size();
    }
    m_orderedItemsFolded = true;
  }
  if (m_orderedItemsAt != m_changeCount || m_orderedItems.size() != ids.size()) {
    m_orderedItems.clear();
    m_orderedItems.reserve(ids.size());
    m_orderedItemsFolded = true;
    for (const auto& id : ids) {
      const auto it = m_entries.find(id);
      const Item& item = it->second;
      m_orderedItems.push_back({&it->first, &item, item.foldedReady ? item.folded.data() : nullptr, item.folded.size()});
      m_orderedItemsFolded = m_orderedItemsFolded && item.foldedReady;
    }
    m_orderedItemsAt = m_changeCount;
  }
  return m_orderedItems;
}

namespace {
void addOnce(std::vector<std::string>& list, std::vector<std::string>& folded, const std::string& word) {
  std::string f = core::foldForSearch(word);
  if (f.empty() || std::find(folded.begin(), folded.end(), f) != folded.end()) return;
  folded.push_back(std::move(f));
  list.push_back(word);
}
std::vector<std::string> sortedFolded(std::vector<std::string> list) {
  std::sort(list.begin(), list.end(),
            [](const std::string& a, const std::string& b) { return core::foldForSearch(a) < core::foldForSearch(b); });
  return list;
}
}  // namespace

std::vector<std::string> JournalModel::allTags() const {
  std::vector<std::string> list, folded;
  for (const auto& id : ordered()) {
    for (const auto& t : m_entries.find(id)->second.entry.tags) addOnce(list, folded, t);
  }
  return sortedFolded(std::move(list));
}

std::vector<std::string> JournalModel::usedFeelings() const {
  std::vector<std::string> list, folded;
  for (const auto& id : ordered()) {
    const JournalEntry& e = m_entries.find(id)->second.entry;
    if (e.kind != "fork") continue;
    for (const auto& f : e.fork.feelings) addOnce(list, folded, f.word);
  }
  return sortedFolded(std::move(list));
}

std::array<uint32_t, 32> JournalModel::entriesByDay(int year, int month) const {
  std::array<uint32_t, 32> days{};
  const int64_t from = localDayStartMs(year, month, 1);
  const int64_t to = localDayStartMs(year, month + 1, 1);
  for (const auto& [id, item] : m_entries) {
    const int64_t t = item.entry.timeMs;
    if (t < from || t >= to) continue;
    const LocalDate d = localDateOf(t);
    if (d.day >= 1 && d.day <= 31) ++days[size_t(d.day)];
  }
  return days;
}

// ---------------------------------------------------------------- [SECTION] resurfacing
core::Settings JournalModel::settings() const { return core::loadSettings(m_store); }

const std::vector<std::string>& JournalModel::onThisDay(int64_t nowMs) const {
  long utcOffset = 0;
  const LocalDate today = localDateOf(nowMs, utcOffset);
  OnThisDayAnswer& a = m_onThisDay;
  // Not the store's generation: the vault's sealing rewrites every file (10,000 at 10,000 entries) without
  // changing a record, and working this out again in each of its frames cost 6-14 ms a frame. The time
  // zone is in the key: a journey (or a change in the system's settings) moves which day an entry was on.
  if (a.valid && a.day == today && a.utcOffset == utcOffset && a.settingsChanges == m_settingsChanges &&
      a.changeCount == m_changeCount) {
    return a.ids;
  }
  a.valid = true;
  ++a.workedOut;
  a.day = today;
  a.utcOffset = utcOffset;
  a.settingsChanges = m_settingsChanges;
  a.changeCount = m_changeCount;
  std::vector<std::string>& out = a.ids;
  out.clear();
  if (!settings().onThisDay) return out;  // turned off in Settings
  // Worked out again after every save: the entries are looked at where they are kept, not in order (at
  // 50,000 that order's lookups were most of a save's frame), and the few found are put in order after.
  constexpr int64_t kDayMs = 24LL * 3600 * 1000;
  std::vector<std::pair<int64_t, const std::string*>> found;
  for (const auto& [id, item] : m_entries) {
    const JournalEntry& e = item.entry;
    // An entry from this day in an earlier year is at least 364 days old (a day either way for the time
    // zone): newer ones are passed over before any date is worked out.
    if (e.timeMs > nowMs - 360 * kDayMs) continue;
    if (!mayResurface(e)) continue;
    // Only the few entries within a day of the date in UTC need the local time (slow in the browser: the
    // first frame at 10,000 entries spent 32 ms asking it of every entry).
    if (!mayBeLocalMonthDay(e.timeMs, today.month, today.day)) continue;
    const LocalDate d = localDateOf(e.timeMs);
    if (d.year < today.year && d.month == today.month && d.day == today.day) found.emplace_back(e.timeMs, &id);
  }
  std::sort(found.begin(), found.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : *x.second > *y.second;   // as ordered()
  });
  for (const auto& f : found) out.push_back(*f.second);
  return out;
}

std::string JournalModel::randomEntry(uint64_t seed) const {
  std::vector<const std::string*> pool;
  for (const auto& id : ordered()) {
    if (mayResurface(m_entries.find(id)->second.entry)) pool.push_back(&id);
  }
  if (pool.empty()) return "";
  // splitmix64: the same seed picks the same entry on every platform.
  uint64_t z = seed + 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return *pool[size_t(z % uint64_t(pool.size()))];
}

// ---------------------------------------------------------------- [SECTION] providers
void JournalModel::search(const core::SearchQuery& query, std::vector<core::SearchHit>& out) const {
  const FoldedQuery q(query.text);
  JournalFilter f;
  f.fromMs = query.fromMs;
  f.toMs = query.toMs;
  size_t found = 0;
  for (const auto& id : ordered()) {
    if (found >= query.limit) break;
    const Item& item = m_entries.find(id)->second;
    if (!matchesFilter(item.entry, foldedFor(item, !q.empty()), f, q)) continue;
    out.push_back({kEntryType, id, describeEntry(item.entry), snippetOf(item.entry), item.entry.timeMs,
                   !mayResurface(item.entry)});
    ++found;
  }
}

void JournalModel::collectMetrics(std::vector<core::MetricEvent>& out) const {
  for (const auto& [id, item] : m_entries) entryMetrics(id, item.entry, out);
}

void JournalModel::collectRecordMetrics(const std::string& type, const std::string& id, std::vector<core::MetricEvent>& out) const {
  if (type != kEntryType) return;
  if (auto it = m_entries.find(id); it != m_entries.end()) entryMetrics(id, it->second.entry, out);
}

void JournalModel::entryMetrics(const std::string& id, const JournalEntry& e, std::vector<core::MetricEvent>& out) {
  const double words = double(countWords(e.text) + countWords(e.fork.whatHappened) + countWords(e.fork.afterwards));
  out.push_back({"journal.words", e.timeMs, {{"words", words}}, {{"kind", e.kind}}});
  if (e.kind != "fork") return;
  // A way not said is not a "not sure": the event then carries no direction at all.
  core::MetricEvent fork{"journal.fork", e.timeMs, {{"secondsStayed", double(e.fork.secondsStayed)}}, {}};
  if (!e.fork.direction.empty()) fork.labels["direction"] = e.fork.direction;
  if (e.fork.intensityAfter >= 0) fork.values["intensityAfter"] = e.fork.intensityAfter;
  if (const int32_t before = intensityBefore(e.fork); before >= 0) fork.values["intensityBefore"] = before;
  std::vector<std::string> feelings;
  for (const auto& f : e.fork.feelings) feelings.push_back(f.word);
  if (!feelings.empty()) fork.labels["feelings"] = joined(feelings, ",");
  if (!e.fork.urges.empty()) fork.labels["urge"] = joined(e.fork.urges, ",");
  if (!e.fork.compassionFrom.empty()) fork.labels["compassionFrom"] = e.fork.compassionFrom;
  fork.labels["id"] = id;
  out.push_back(std::move(fork));
  // One event per named feeling, for "which feelings come up most".
  for (const auto& f : e.fork.feelings) {
    core::MetricEvent feeling{"journal.feeling", e.timeMs, {{"intensity", double(f.intensity)}}, {{"word", f.word}}};
    const std::string family = feelingFamilyOf(f.word);
    feeling.labels["family"] = family.empty() ? "own" : family;
    out.push_back(std::move(feeling));
  }
}

std::string entryMarkdown(const JournalEntry& e) {
  std::string md = "# " + describeEntry(e) + "\n\n*" + core::formatDateTime(e.timeMs) + " · " +
                   labelOf(entryKinds(), e.kind) + "*";
  if (!e.tags.empty()) md += " · " + joined(e.tags);
  md += "\n\n";
  if (!e.contentNote.empty()) {
    md += "> Content note: " + e.contentNote + "\n\n";
    // The heading is the note; the title stays in the export, below it.
    if (!e.title.empty()) md += "**Title:** " + e.title + "\n\n";
  }
  if (e.bringToSession) md += "- Bring to my next session\n";
  if (e.doNotResurface) md += "- Do not resurface\n";
  if (e.bringToSession || e.doNotResurface) md += "\n";
  if (e.kind == "fork") {
    const Fork& f = e.fork;
    if (!f.whatHappened.empty()) md += "## What happened\n\n" + f.whatHappened + "\n\n";
    if (!f.feelings.empty()) {
      md += "## Feelings\n\n";
      for (const auto& x : f.feelings) md += "- " + x.word + " (" + std::to_string(x.intensity) + "/10)\n";
      md += "\n";
    }
    if (!f.bodyAreas.empty()) md += "**Where it sat in my body:** " + joined(f.bodyAreas) + "\n\n";
    if (!f.urges.empty()) {
      std::vector<std::string> labels;
      for (const auto& u : f.urges) labels.push_back(labelOf(builtInUrges(), u));
      md += "**The urge:** " + joined(labels) + "\n\n";
    }
    if (!f.direction.empty()) md += "**Which way I went:** " + labelOf(directions(), f.direction) + "\n\n";
    if (f.secondsStayed > 0) md += "**Stayed with it:** " + std::to_string(f.secondsStayed) + " seconds\n\n";
    if (!f.compassionFrom.empty()) md += "**Compassion:** " + labelOf(compassionSources(), f.compassionFrom) + "\n\n";
    if (f.intensityAfter >= 0) md += "**Intensity after:** " + std::to_string(f.intensityAfter) + "/10\n\n";
    if (!f.afterwards.empty()) md += "## What happened next\n\n" + f.afterwards + "\n\n";
    if (!e.text.empty()) md += "## More\n\n";
  }
  md += e.text + "\n";
  return md;
}

void JournalModel::exportMarkdown(std::vector<core::ExportFile>& out) const {
  for (const auto& id : ordered()) {
    const JournalEntry& e = m_entries.find(id)->second.entry;
    out.push_back({"journal/" + isoDate(e.timeMs) + "-" + core::fileSlug(describeEntry(e), "entry") + "-" + id.substr(id.size() - 4) + ".md",
                   entryMarkdown(e)});
  }
}

void JournalModel::collectNextSession(std::vector<core::SessionItem>& out) const {
  for (const auto& id : ordered()) {
    const JournalEntry& e = m_entries.find(id)->second.entry;
    if (e.bringToSession) out.push_back({kEntryType, id, describeEntry(e), snippetOf(e), e.timeMs});
  }
}

core::Status JournalModel::setDiscussed(const std::string& type, const std::string& id, bool discussed) {
  if (type != kEntryType) return {core::ErrorCode::NotFound, "that is not a journal entry"};
  return setBringToSession(id, !discussed);
}

}  // namespace toward::journal
