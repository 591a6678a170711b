// plugins/letters/letters_model.cpp: see letters_model.h.
#include "plugins/letters/letters_model.h"

#include <algorithm>

#include "core/local_days.h"
#include "core/text_fold.h"
#include "core/time_format.h"

namespace toward::letters {
namespace {

// A few words of a letter for a list line; none when a content note stands in front of it.
std::string shownWords(const Letter& l) { return l.contentNote.empty() ? core::firstWords(l.text, 120) : std::string(); }

const core::Status kGone{core::ErrorCode::NotFound, "that letter is no longer here"};

}  // namespace

bool longLetterLateAtNight(uint32_t words, int localHour) {
  return words >= kLongLetterWords && (localHour >= 23 || localHour < 5);
}

core::Status registerLetters(core::Registry& registry) {
  if (auto s = registry.addRecordType(core::makeRecordType<Letter>(kLetterType, "letter", describeLetter)); !s) return s;
  return registry.addRecordType(core::makeRecordType<Revision>(kRevisionType, "earlier version of a letter", describeRevision));
}

LettersModel::LettersModel(core::RecordStore& store) : m_store(store) {
  reloadAll();
  m_listener = m_store.addListener([this](const core::RecordChange& change) {
    if (change.kind == core::RecordChange::Kind::Reloaded) reloadAll();
    else if (change.type == kLetterType) reloadLetter(change.id);
    else if (change.type == kRevisionType) reloadRevision(change.id);
  });
}

LettersModel::~LettersModel() { m_store.removeListener(m_listener); }

void LettersModel::attach(core::Registry& registry) {
  registry.addSearchProvider(this);
  registry.addMetricsProvider(this);
  registry.addExportProvider(this);
  registry.addNextSessionProvider(this);
}

// ---------------------------------------------------------------- [SECTION] letters
void LettersModel::reloadAll() {
  m_letters.clear();
  m_revisions.clear();
  m_revisionLetter.clear();
  for (const auto* r : m_store.list(kLetterType)) reloadLetter(r->id);
  for (const auto* r : m_store.list(kRevisionType)) reloadRevision(r->id);
  m_orderDirty = true;
  ++m_changeCount;
}

void LettersModel::reloadLetter(const std::string& id) {
  m_orderDirty = true;
  ++m_changeCount;
  const core::StoredRecord* r = m_store.find(kLetterType, id);
  if (!r) {
    m_letters.erase(id);
    return;
  }
  Item& item = m_letters[id];
  if (m_writingLetter) {
    item.letter = *m_writingLetter;
  } else {
    auto loaded = core::loadBody<Letter>(r->body, r->schema);
    if (!loaded) return;  // the store only holds readable records; keep the old view
    item.letter = std::move(loaded.value());
  }
  item.createdMs = r->createdMs;
  item.updatedMs = r->updatedMs;
}

void LettersModel::reloadRevision(const std::string& id) {
  ++m_changeCount;
  if (auto old = m_revisionLetter.find(id); old != m_revisionLetter.end()) {
    auto& refs = m_revisions[old->second];
    refs.erase(std::remove_if(refs.begin(), refs.end(), [&](const RevisionRef& x) { return x.id == id; }), refs.end());
    m_revisionLetter.erase(old);
  }
  const core::StoredRecord* r = m_store.find(kRevisionType, id);
  if (!r) return;
  core::Result<Revision> loaded = m_writingRevision ? core::Result<Revision>(*m_writingRevision)
                                                    : core::loadBody<Revision>(r->body, r->schema);
  if (!loaded) return;
  const Revision& rev = loaded.value();
  auto& refs = m_revisions[rev.letterId];
  const RevisionRef ref{rev.timeMs ? rev.timeMs : r->createdMs, id};
  refs.insert(std::upper_bound(refs.begin(), refs.end(), ref,
                               [](const RevisionRef& a, const RevisionRef& b) {
                                 return a.timeMs != b.timeMs ? a.timeMs < b.timeMs : a.id < b.id;
                               }),
              ref);
  m_revisionLetter[id] = rev.letterId;
}

core::Result<std::string> LettersModel::create(const std::string& kind, const std::string& name, bool held) {
  Letter letter;
  letter.recipientKind = kind;
  letter.recipientName = name;
  letter.held = held;
  letter.sanitize();
  auto saved = m_store.putOwn(kLetterType, "", core::saveBody(letter));
  if (!saved) return saved.error();
  return saved.value().id;
}

core::Status LettersModel::write(const std::string& id, const Letter& letter) {
  m_writingLetter = &letter;
  auto saved = m_store.putOwn(kLetterType, id, core::saveBodyWithLongText(letter, &Letter::text));
  m_writingLetter = nullptr;
  return saved ? core::Status::ok() : saved.error();
}

core::Status LettersModel::save(const std::string& id, const Letter& edited) {
  const Letter* stored = find(id);
  if (!stored) return kGone;
  Letter next = *stored;
  next.recipientKind = edited.recipientKind;
  next.recipientName = edited.recipientName;
  next.tags = edited.tags;
  next.bringToSession = edited.bringToSession;
  next.contentNote = edited.contentNote;
  const int64_t now = m_store.now();
  const bool textChanged = edited.text != stored->text && !sealedNow(*stored, now);
  if (textChanged) {
    next.text = edited.text;
    const DayWords today{now, core::countWords(next.text)};
    if (!next.dayWords.empty() && core::localDay(next.dayWords.back().ms) == core::localDay(now)) next.dayWords.back() = today;
    else next.dayWords.push_back(today);
  }
  next.sanitize();
  if (auto s = write(id, next); !s) return s;
  if (!textChanged) return core::Status::ok();
  // A snapshot while writing: the first words, then at most one every kSnapshotEveryMs.
  const auto it = m_revisions.find(id);
  const bool none = it == m_revisions.end() || it->second.empty();
  if (none || now - it->second.back().timeMs >= kSnapshotEveryMs) {
    if (!none) {
      auto latest = revision(it->second.back().id);
      if (latest && latest.value().text == next.text) return core::Status::ok();
    }
    return snapshot(id, next, "writing");
  }
  return core::Status::ok();
}

core::Status LettersModel::setBringToSession(const std::string& id, bool bring) {
  const Letter* stored = find(id);
  if (!stored) return kGone;
  if (stored->bringToSession == bring) return core::Status::ok();
  Letter next = *stored;
  next.bringToSession = bring;
  return write(id, next);
}

const Letter* LettersModel::find(const std::string& id) const {
  auto it = m_letters.find(id);
  return it == m_letters.end() ? nullptr : &it->second.letter;
}

int64_t LettersModel::createdMs(const std::string& id) const {
  auto it = m_letters.find(id);
  return it == m_letters.end() ? 0 : it->second.createdMs;
}

int64_t LettersModel::lastWrittenMs(const std::string& id) const {
  auto it = m_letters.find(id);
  if (it == m_letters.end()) return 0;
  const auto& days = it->second.letter.dayWords;
  return days.empty() ? it->second.createdMs : days.back().ms;
}

const std::vector<std::string>& LettersModel::ordered() const {
  if (m_orderDirty) {
    std::vector<std::pair<int64_t, const std::string*>> keyed;
    keyed.reserve(m_letters.size());
    for (const auto& [id, item] : m_letters) keyed.emplace_back(lastWrittenMs(id), &id);
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : *a.second > *b.second;
    });
    m_ordered.clear();
    for (const auto& k : keyed) m_ordered.push_back(*k.second);
    m_orderDirty = false;
  }
  return m_ordered;
}

std::string LettersModel::lastNameFor(const std::string& kind, const std::string& exceptId) const {
  for (const auto& id : ordered()) {
    const Letter* l = find(id);
    if (id != exceptId && l && l->recipientKind == kind && core::countWords(l->recipientName) > 0) return l->recipientName;
  }
  return {};
}

// ---------------------------------------------------------------- [SECTION] life cycle
bool LettersModel::sealedNow(const Letter& letter, int64_t nowMs) {
  if (letter.state != "sealed") return false;
  auto day = parseCivilDate(letter.sealedUntil);
  return day && core::localDay(nowMs) < day.value();
}

core::Status LettersModel::changeState(const std::string& id, const std::string& reason, Letter changed) {
  changed.sanitize();
  if (auto s = snapshot(id, changed, reason); !s) return s;
  return write(id, changed);
}

core::Status LettersModel::finish(const std::string& id) {
  const Letter* stored = find(id);
  if (!stored) return kGone;
  Letter next = *stored;
  next.state = "finished";
  return changeState(id, "finished", next);
}

core::Status LettersModel::seal(const std::string& id, const std::string& day) {
  const Letter* stored = find(id);
  if (!stored) return kGone;
  auto until = parseCivilDate(day);
  if (!until) return until.error();
  const int64_t now = m_store.now();
  if (until.value() <= core::localDay(now)) {
    return {core::ErrorCode::Invalid, until.value() == core::localDay(now)
                                          ? "That day is today, so the letter would open at once. Choose a day after today."
                                          : "That day has already passed, so there would be nothing to wait for. Choose a day after today."};
  }
  Letter next = *stored;
  next.state = "sealed";
  next.sealedUntil = day;
  next.sealedMs = now;
  return changeState(id, "sealed", next);
}

core::Status LettersModel::openEarly(const std::string& id) {
  const Letter* stored = find(id);
  if (!stored) return kGone;
  if (stored->state != "sealed") return core::Status::ok();
  Letter next = *stored;
  next.state = "finished";
  next.sealedUntil.clear();
  return changeState(id, "opened", next);
}

core::Status LettersModel::release(const std::string& id) {
  const Letter* stored = find(id);
  if (!stored) return kGone;
  if (sealedNow(*stored, m_store.now())) {
    return {core::ErrorCode::Invalid, "This letter is still sealed. Open it first if you want to let it go now."};
  }
  Letter next = *stored;
  next.state = "released";
  next.sealedUntil.clear();
  next.releasedMs = m_store.now();
  return changeState(id, "released", next);
}

core::Status LettersModel::reopen(const std::string& id) {
  const Letter* stored = find(id);
  if (!stored) return kGone;
  if (stored->state == "draft") return core::Status::ok();
  Letter next = *stored;
  next.state = "draft";
  next.sealedUntil.clear();
  return changeState(id, "draft", next);
}

bool holdsNothing(const Letter& l) {
  return core::countWords(l.text) == 0 && core::countWords(l.recipientName) == 0 && l.tags.empty() &&
         core::countWords(l.contentNote) == 0 &&
         !l.bringToSession && l.state == "draft" && l.sealedMs == 0 && l.releasedMs == 0;
}

bool LettersModel::forgetIfBlank(const std::string& id) {
  const Letter* l = find(id);
  if (!l) return false;
  Letter written = *l;
  if (!written.recipientName.empty() && written.recipientName == lastNameFor(written.recipientKind, id)) {
    written.recipientName.clear();
  }
  return holdsNothing(written) && revisions(id).empty() && m_store.forgetBlank(kLetterType, id);
}

core::Status LettersModel::removeLetter(const std::string& id) {
  if (!find(id)) return kGone;
  if (auto s = m_store.remove(kLetterType, id); !s) return s;
  for (const auto& rid : revisions(id)) {
    if (auto s = m_store.remove(kRevisionType, rid); !s) return s;
    if (auto s = m_store.purge(kRevisionType, rid); !s) return s;
  }
  return core::Status::ok();
}

// ---------------------------------------------------------------- [SECTION] revisions
core::Status LettersModel::snapshot(const std::string& letterId, const Letter& letter, const std::string& reason) {
  Revision rev;
  rev.letterId = letterId;
  rev.timeMs = m_store.now();
  rev.reason = reason;
  rev.state = letter.state;
  rev.recipientName = letter.recipientName;
  rev.text = letter.text;
  m_writingRevision = &rev;
  auto saved = m_store.putOwn(kRevisionType, "", core::saveBodyWithLongText(rev, &Revision::text));
  m_writingRevision = nullptr;
  if (!saved) return saved.error();
  return prune(letterId);
}

core::Status LettersModel::prune(const std::string& letterId) {
  auto it = m_revisions.find(letterId);
  while (it != m_revisions.end() && it->second.size() > kKeptRevisions) {
    const std::string oldest = it->second.front().id;
    if (auto s = m_store.remove(kRevisionType, oldest); !s) return s;
    if (auto s = m_store.purge(kRevisionType, oldest); !s) return s;
    it = m_revisions.find(letterId);
  }
  return core::Status::ok();
}

std::vector<std::string> LettersModel::revisions(const std::string& letterId) const {
  std::vector<std::string> out;
  auto it = m_revisions.find(letterId);
  if (it == m_revisions.end()) return out;
  for (auto r = it->second.rbegin(); r != it->second.rend(); ++r) out.push_back(r->id);
  return out;
}

core::Result<Revision> LettersModel::revision(const std::string& revisionId) const {
  const core::StoredRecord* r = m_store.find(kRevisionType, revisionId);
  if (!r) return core::Status{core::ErrorCode::NotFound, "that earlier version is no longer here"};
  return core::loadBody<Revision>(r->body, r->schema);
}

core::Status LettersModel::recoverText(const std::string& id, const std::string& text) {
  const Letter* stored = find(id);
  if (!stored) return kGone;
  if (stored->text == text) return core::Status::ok();
  return replaceWords(id, text, "before recovering", "recovered");
}

core::Status LettersModel::restore(const std::string& revisionId) {
  auto rev = revision(revisionId);
  if (!rev) return rev.error();
  return replaceWords(rev.value().letterId, rev.value().text, "before restoring", "restored");
}

core::Status LettersModel::replaceWords(const std::string& letterId, const std::string& text, const char* beforeReason,
                                        const char* afterReason) {
  const Letter* stored = find(letterId);
  if (!stored) return kGone;
  Letter next = *stored;
  // The words being replaced are kept first, so this can be undone from the history too.
  if (auto s = snapshot(letterId, next, beforeReason); !s) return s;
  next.text = text;
  if (next.state == "sealed" || next.state == "released") next.state = "draft";
  next.sealedUntil.clear();
  const int64_t now = m_store.now();
  const DayWords today{now, core::countWords(next.text)};
  if (!next.dayWords.empty() && core::localDay(next.dayWords.back().ms) == core::localDay(now)) next.dayWords.back() = today;
  else next.dayWords.push_back(today);
  next.sanitize();
  if (auto s = write(letterId, next); !s) return s;
  return snapshot(letterId, next, afterReason);
}

// ---------------------------------------------------------------- [SECTION] providers
void LettersModel::search(const core::SearchQuery& query, std::vector<core::SearchHit>& out) const {
  const std::string q = core::foldForSearch(query.text);
  const int64_t now = m_store.now();
  size_t found = 0;
  for (const auto& id : ordered()) {
    if (found >= query.limit) break;
    const Letter& l = m_letters.find(id)->second.letter;
    if (l.state == "released") continue;   // let go: out of sight, search included
    const int64_t t = lastWrittenMs(id);
    if ((query.fromMs && t < query.fromMs) || (query.toMs && t >= query.toMs)) continue;
    const bool sealed = sealedNow(l, now);
    std::string haystack = describeLetter(l);
    if (!l.contentNote.empty()) haystack += " " + l.recipientName;  // still found by whom it is to
    for (const auto& tag : l.tags) haystack += " " + tag;
    if (!sealed) haystack += " " + l.text;
    if (!core::matchesAllWords(core::foldForSearch(haystack), q)) continue;
    out.push_back({kLetterType, id, describeLetter(l), sealed ? "Sealed until " + formatDay(l.sealedUntil) : shownWords(l), t});
    ++found;
  }
}

void LettersModel::collectMetrics(std::vector<core::MetricEvent>& out) const {
  for (const auto& [id, item] : m_letters) letterMetrics(item, out);
}

void LettersModel::collectRecordMetrics(const std::string& type, const std::string& id, std::vector<core::MetricEvent>& out) const {
  if (type != kLetterType) return;
  if (auto it = m_letters.find(id); it != m_letters.end()) letterMetrics(it->second, out);
}

void LettersModel::letterMetrics(const Item& item, std::vector<core::MetricEvent>& out) {
  const Letter& l = item.letter;
  out.push_back({"letters.started", item.createdMs, {{"letters", 1.0}}, {{"recipient", l.recipientKind}}});
  uint32_t before = 0;
  for (const auto& d : l.dayWords) {
    // Words written that day: growth since the day before (rewriting shorter counts as none, never less).
    const double written = d.words > before ? double(d.words - before) : 0.0;
    out.push_back({"letters.words", d.ms, {{"words", written}}, {{"recipient", l.recipientKind}}});
    before = d.words;
  }
  if (l.sealedMs > 0) out.push_back({"letters.sealed", l.sealedMs, {{"letters", 1.0}}, {{"recipient", l.recipientKind}}});
  if (l.releasedMs > 0) out.push_back({"letters.released", l.releasedMs, {{"letters", 1.0}}, {{"recipient", l.recipientKind}}});
}

std::string letterMarkdown(const Letter& l, int64_t createdMs, int64_t writtenMs) {
  std::string md = "# " + describeLetter(l) + "\n\n*" + recipientKind(l.recipientKind).label + " · " + stateLabel(l.state);
  if (l.state == "sealed") md += " until " + l.sealedUntil;
  md += " · started " + core::formatDateTime(createdMs) + " · last written " + core::formatDateTime(writtenMs) + "*";
  if (!l.tags.empty()) {
    md += " · ";
    for (size_t i = 0; i < l.tags.size(); ++i) md += (i ? ", " : "") + l.tags[i];
  }
  md += "\n\n";
  if (l.bringToSession) md += "- Bring to my next session\n\n";
  md += greetingLine(l) + "\n\n" + l.text + "\n";
  return md;
}

void LettersModel::exportMarkdown(std::vector<core::ExportFile>& out) const {
  for (const auto& id : ordered()) {
    const Item& item = m_letters.find(id)->second;
    out.push_back({"letters/" + core::formatIsoDateUtc(item.createdMs) + "-" + core::fileSlug(describeLetter(item.letter), "letter") + "-" +
                       id.substr(id.size() - 4) + ".md",
                   letterMarkdown(item.letter, item.createdMs, lastWrittenMs(id))});
  }
}

void LettersModel::collectNextSession(std::vector<core::SessionItem>& out) const {
  const int64_t now = m_store.now();
  for (const auto& id : ordered()) {
    const Letter& l = m_letters.find(id)->second.letter;
    if (!l.bringToSession || l.state == "released") continue;
    out.push_back({kLetterType, id, "Letter: " + describeLetter(l),
                   sealedNow(l, now) ? "Sealed until " + formatDay(l.sealedUntil) : shownWords(l), lastWrittenMs(id)});
  }
}

core::Status LettersModel::setDiscussed(const std::string& type, const std::string& id, bool discussed) {
  if (type != kLetterType) return {core::ErrorCode::NotFound, "that is not a letter"};
  return setBringToSession(id, !discussed);
}

}  // namespace toward::letters
