// plugins/journal/journal_model.cpp: see journal_model.h.
#include "plugins/journal/journal_model.h"

#include <algorithm>
#include <ctime>

#include "core/text_fold.h"

namespace toward::journal {
namespace {

std::string foldedEntryText(const JournalEntry& e) {
  std::string all = e.title + "\n" + e.text + "\n" + e.contentNote + "\n" + e.fork.whatHappened + "\n" +
                    e.fork.afterwards + "\n";
  for (const auto& t : e.tags) all += t + " ";
  for (const auto& f : e.fork.feelings) all += f.word + " ";
  for (const auto& u : e.fork.urges) all += u + " ";
  for (const auto& b : e.fork.bodyAreas) all += b + " ";
  return core::foldForSearch(all);
}

std::string isoDate(int64_t ms) {
  std::time_t t = std::time_t(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string slug(const std::string& s) {
  std::string out;
  for (char c : core::foldForSearch(s)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
    else if (!out.empty() && out.back() != '-') out.push_back('-');
    if (out.size() >= 40) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "entry" : out;
}

}  // namespace

core::Status registerJournal(core::Registry& registry) {
  if (auto s = registry.addPlugin({"journal", "Journal", "The fork in the road, written down."}); !s) return s;
  return registry.addRecordType(core::makeRecordType<JournalEntry>(kEntryType, "journal entry", describeEntry));
}

JournalModel::JournalModel(core::RecordStore& store) : m_store(store) {
  reloadAll();
  m_listener = m_store.addListener([this](const core::RecordChange& change) {
    if (change.kind == core::RecordChange::Kind::Reloaded) reloadAll();
    else if (change.type == kEntryType) reloadOne(change.id);
  });
}

JournalModel::~JournalModel() { m_store.removeListener(m_listener); }

void JournalModel::attach(core::Registry& registry) {
  registry.addSearchProvider(this);
  registry.addMetricsProvider(this);
  registry.addExportProvider(this);
}

void JournalModel::reloadAll() {
  m_entries.clear();
  m_folded.clear();
  for (const auto* r : m_store.list(kEntryType)) reloadOne(r->id);
  m_orderDirty = true;
}

void JournalModel::reloadOne(const std::string& id) {
  m_orderDirty = true;
  ++m_changeCount;
  const core::StoredRecord* r = m_store.find(kEntryType, id);
  if (!r) {
    m_entries.erase(id);
    m_folded.erase(id);
    return;
  }
  auto entry = core::loadBody<JournalEntry>(r->body, r->schema);
  if (!entry) {  // the store only holds readable records, so this is not expected; keep the old view
    return;
  }
  if (entry.value().timeMs == 0) entry.value().timeMs = r->createdMs;
  m_folded[id] = foldedEntryText(entry.value());
  m_entries[id] = std::move(entry.value());
}

core::Result<std::string> JournalModel::create(const std::string& kind) {
  JournalEntry e;
  e.kind = kind;
  e.sanitize();
  e.timeMs = m_store.now();
  auto saved = m_store.put(kEntryType, "", core::saveBody(e));
  if (!saved) return saved.error();
  return saved.value().id;
}

core::Status JournalModel::save(const std::string& id, const JournalEntry& entry) {
  auto saved = m_store.put(kEntryType, id, core::saveBody(entry));
  return saved ? core::Status::ok() : saved.error();
}

core::Status JournalModel::remove(const std::string& id) { return m_store.remove(kEntryType, id); }

const JournalEntry* JournalModel::find(const std::string& id) const {
  auto it = m_entries.find(id);
  return it == m_entries.end() ? nullptr : &it->second;
}

const std::vector<std::string>& JournalModel::ordered() const {
  if (m_orderDirty) {
    m_ordered.clear();
    m_ordered.reserve(m_entries.size());
    for (const auto& [id, e] : m_entries) m_ordered.push_back(id);
    std::sort(m_ordered.begin(), m_ordered.end(), [this](const std::string& a, const std::string& b) {
      const auto ta = m_entries.at(a).timeMs, tb = m_entries.at(b).timeMs;
      return ta != tb ? ta > tb : a > b;
    });
    m_orderDirty = false;
  }
  return m_ordered;
}

void JournalModel::search(const core::SearchQuery& query, std::vector<core::SearchHit>& out) const {
  const std::string q = core::foldForSearch(query.text);
  size_t found = 0;
  for (const auto& id : ordered()) {
    if (found >= query.limit) break;
    const JournalEntry& e = m_entries.at(id);
    if (query.fromMs && e.timeMs < query.fromMs) continue;
    if (query.toMs && e.timeMs >= query.toMs) continue;
    if (!core::matchesAllWords(m_folded.at(id), q)) continue;
    out.push_back({kEntryType, id, describeEntry(e), e.text.substr(0, 120), e.timeMs});
    ++found;
  }
}

void JournalModel::collectMetrics(std::vector<core::MetricEvent>& out) const {
  for (const auto& [id, e] : m_entries) {
    core::MetricEvent words{"journal.words", e.timeMs, {{"words", double(countWords(e.text))}}, {{"kind", e.kind}}};
    out.push_back(std::move(words));
    if (e.kind == "fork") {
      core::MetricEvent fork{"journal.fork", e.timeMs, {{"secondsStayed", double(e.fork.secondsStayed)}},
                             {{"direction", e.fork.direction.empty() ? "unsure" : e.fork.direction}}};
      if (e.fork.intensityAfter >= 0) fork.values["intensityAfter"] = e.fork.intensityAfter;
      if (!e.fork.feelings.empty()) {
        uint32_t strongest = 0;
        for (const auto& f : e.fork.feelings) strongest = std::max(strongest, f.intensity);
        fork.values["intensityBefore"] = strongest;
      }
      out.push_back(std::move(fork));
    }
  }
}

void JournalModel::exportMarkdown(std::vector<core::ExportFile>& out) const {
  for (const auto& id : ordered()) {
    const JournalEntry& e = m_entries.at(id);
    std::string md = "# " + describeEntry(e) + "\n\n*" + isoDate(e.timeMs) + "*";
    if (!e.tags.empty()) {
      md += " · ";
      for (size_t i = 0; i < e.tags.size(); ++i) md += (i ? ", " : "") + e.tags[i];
    }
    md += "\n\n";
    if (!e.contentNote.empty()) md += "> Content note: " + e.contentNote + "\n\n";
    md += e.text + "\n";
    out.push_back({"journal/" + isoDate(e.timeMs) + "-" + slug(describeEntry(e)) + "-" + id.substr(id.size() - 4) + ".md", md});
  }
}

}  // namespace toward::journal
