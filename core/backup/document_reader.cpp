// core/backup/document_reader.cpp: see document_reader.h.
#include "core/backup/document_reader.h"

#include <algorithm>
#include <set>
#include <utility>

#include "core/backup/document_records.h"
#include "core/json_parse.h"

namespace toward::backup {
namespace {

constexpr size_t kScanBlock = 64 * 1024;

BackupError notBackup(std::string why) { return backupError(BackupErrorKind::NotBackup, std::move(why)); }

// The parse of `text` into `doc`, or the words for what is wrong with it.
bool parseInto(rapidjson::Document& doc, std::string_view text, BackupError& error) {
  // Numbers are read by core/json_parse.h, never by rapidjson 1.1's faulty conversion (found by the backup
  // fuzzer); iterative: no recursion however the text is nested.
  const rapidjson::ParseResult parsed = core::parseJson<rapidjson::kParseIterativeFlag>(doc, text);
  if (!parsed.IsError()) return true;
  const bool tooBig = parsed.Code() == rapidjson::kParseErrorNumberTooBig;
  const char* why = tooBig ? "a number too big to be stored" : rapidjson::GetParseError_En(parsed.Code());
  error = notBackup(std::string("not JSON (") + why + ")");
  return false;
}

}  // namespace

struct DocumentReader::Parsed {
  rapidjson::Document skeleton;
  const rapidjson::Value* lists[2] = {nullptr, nullptr};   // records, trash (in the skeleton)
  size_t ordinals[2] = {0, 0};                               // their places among the top-level arrays
  size_t cursor = 0;                                         // the next span of the list being read
  std::vector<Span> others;                                  // the elements of every other top-level array
  std::set<std::pair<std::string, std::string>> seen;        // (type, id) of the list being read
};

DocumentReader::DocumentReader(std::string_view text) : m_text(text) {
  if (text.size() > kMaxDocumentBytes) fail(backupError(BackupErrorKind::TooLarge, "the document is too large"));
}

DocumentReader::~DocumentReader() = default;

void DocumentReader::fail(BackupError error) {
  m_result = std::move(error);
  m_parsed.reset();
  m_doc = BackupDocument{};
  m_phase = Phase::Done;
}

double DocumentReader::progress() const {
  switch (m_phase) {
    case Phase::Scan: return m_text.empty() ? 0.0 : 0.25 * double(m_pos) / double(m_text.size());
    case Phase::Skeleton: return 0.25;
    case Phase::Elements: return 0.25 + 0.75 * (m_elementsTotal ? double(m_elementsRead) / double(m_elementsTotal) : 1.0);
    case Phase::Done: return 1.0;
  }
  return 1.0;
}

bool DocumentReader::scanBlock() {
  const size_t end = std::min(m_text.size(), m_pos + kScanBlock);
  for (; m_pos < end; ++m_pos) {
    const char c = m_text[m_pos];
    if (m_inString) {
      if (m_escaped) m_escaped = false;
      else if (c == '\\') m_escaped = true;
      else if (c == '"') m_inString = false;
      continue;
    }
    if (c == '"') {
      m_inString = true;
    } else if (c == '{' || c == '[') {
      if (++m_depth > kMaxJsonDepth) {
        fail(notBackup("the document is nested too deeply"));
        return true;
      }
      if (m_depth == 2) {   // a value of the top-level object: a list starts a row of elements
        m_parentIsArray = c == '[';
        if (m_parentIsArray) m_spans.emplace_back();
      } else if (m_depth == 3 && m_parentIsArray) {
        m_inSpan = true;
        m_spanStart = m_pos;
      }
    } else if (c == '}' || c == ']') {
      if (m_depth == 3 && m_inSpan) {
        m_inSpan = false;
        m_skeleton.append(m_text.substr(m_copied, m_spanStart - m_copied));
        m_skeleton += "{}";
        m_copied = m_pos + 1;
        m_spans.back().push_back({m_spanStart, m_pos + 1});
      }
      --m_depth;
    }
  }
  if (m_pos < m_text.size()) return false;
  m_skeleton.append(m_text.substr(m_copied));
  return true;
}

void DocumentReader::readSkeleton() {
  m_parsed = std::make_unique<Parsed>();
  rapidjson::Document& doc = m_parsed->skeleton;
  BackupError error;
  if (!parseInto(doc, m_skeleton, error)) return fail(std::move(error));
  std::string().swap(m_skeleton);
  if (!doc.IsObject()) return fail(notBackup("not a JSON object"));
  auto member = [&](const char* k) -> const rapidjson::Value* {
    auto it = doc.FindMember(k);
    return it == doc.MemberEnd() ? nullptr : &it->value;
  };
  const auto* magic = member("toward");
  if (!magic || !magic->IsString() || std::string_view(magic->GetString()) != "backup") {
    return fail(notBackup("no \"toward\":\"backup\" marker"));
  }
  const auto* format = member("format");
  if (!format || !format->IsUint() || format->GetUint() < kMinBackupFormat) return fail(notBackup("no valid format number"));
  if (format->GetUint() > kBackupFormat) {
    return fail(backupError(BackupErrorKind::UnsupportedVersion, "backup format " + std::to_string(format->GetUint())));
  }
  m_doc.format = format->GetUint();
  const auto* created = member("createdMs");
  if (!created || !created->IsInt64()) return fail(notBackup("no valid createdMs"));
  m_doc.createdMs = created->GetInt64();
  if (const auto* app = member("app"); app && app->IsString()) m_doc.app = std::string(app->GetString(), app->GetStringLength());
  const auto* records = member("records");
  const auto* trash = member("trash");
  if (!records || !records->IsArray() || !trash || !trash->IsArray()) return fail(notBackup("no records and trash lists"));
  if (records->Size() + trash->Size() > kMaxBackupRecords) return fail(backupError(BackupErrorKind::TooLarge, "too many records"));
  // The top-level arrays in the skeleton's order are the scan's rows of elements.
  Parsed& p = *m_parsed;
  p.lists[0] = records;
  p.lists[1] = trash;
  size_t ordinal = 0;
  for (const auto& m : doc.GetObject()) {
    if (!m.value.IsArray()) continue;
    bool listed = false;
    for (int l = 0; l < 2; ++l) {
      if (&m.value == p.lists[l]) {
        p.ordinals[l] = ordinal;
        listed = true;
      }
    }
    if (!listed && ordinal < m_spans.size()) p.others.insert(p.others.end(), m_spans[ordinal].begin(), m_spans[ordinal].end());
    ++ordinal;
  }
  if (ordinal != m_spans.size()) return fail(notBackup("not JSON (its lists could not be followed)"));
  m_doc.records.reserve(records->Size());
  m_doc.trash.reserve(trash->Size());
  m_elementsTotal = records->Size() + trash->Size() + p.others.size();
  m_phase = Phase::Elements;
}

void DocumentReader::readElement() {
  Parsed& p = *m_parsed;
  if (m_list == 2) {   // another list's element: only checked to be JSON, as the whole text was
    if (m_index >= p.others.size()) {
      m_parsed.reset();
      m_result = std::move(m_doc);
      m_doc = BackupDocument{};
      m_phase = Phase::Done;
      return;
    }
    const Span s = p.others[m_index++];
    rapidjson::Document element;
    BackupError error;
    if (!parseInto(element, m_text.substr(s.begin, s.end - s.begin), error)) return fail(std::move(error));
    ++m_elementsRead;
    return;
  }
  const rapidjson::Value& list = *p.lists[m_list];
  if (m_index >= list.Size()) {   // on to the next list
    ++m_list;
    m_index = 0;
    p.cursor = 0;
    p.seen.clear();
    return;
  }
  const bool trashed = m_list == 1;
  const rapidjson::Value& placed = list[rapidjson::SizeType(m_index++)];
  rapidjson::Document element;
  const rapidjson::Value* v = &placed;
  if (placed.IsObject()) {   // "{}" in the skeleton: the element's own text, parsed now
    const auto& spans = m_spans[p.ordinals[m_list]];
    if (p.cursor >= spans.size()) return fail(notBackup("not JSON (its lists could not be followed)"));
    const Span s = spans[p.cursor++];
    BackupError error;
    if (!parseInto(element, m_text.substr(s.begin, s.end - s.begin), error)) return fail(std::move(error));
    v = &element;
  }
  ++m_elementsRead;
  int64_t deletedMs = 0;
  auto r = detail::readRecord(*v, trashed ? &deletedMs : nullptr);
  if (!r) return detail::skip(m_doc, *v, trashed, r.error().detail);
  if (!p.seen.emplace(r.value().type, r.value().id).second) return detail::skip(m_doc, *v, trashed, "it appears twice");
  if (trashed) m_doc.trash.push_back({std::move(r.value()), deletedMs});
  else m_doc.records.push_back(std::move(r.value()));
}

bool DocumentReader::stepFor(double budgetMs, const std::function<double()>& clockMs) {
  const double start = clockMs();
  try {
    while (m_phase != Phase::Done) {
      switch (m_phase) {
        case Phase::Scan:
          if (scanBlock() && m_phase == Phase::Scan) m_phase = Phase::Skeleton;
          break;
        case Phase::Skeleton: readSkeleton(); break;
        case Phase::Elements: readElement(); break;
        case Phase::Done: break;
      }
      if (m_phase != Phase::Done && clockMs() - start >= budgetMs) return false;
    }
  } catch (const std::bad_alloc&) {
    fail(backupError(BackupErrorKind::TooLarge, "out of memory"));
  } catch (const std::exception& e) {  // rapidjson assertions throw under cereal's configuration
    fail(notBackup(e.what()));
  }
  return true;
}

void DocumentReader::run() {
  while (!stepFor(1e18, [] { return 0.0; })) {
  }
}

BackupResult<BackupDocument> DocumentReader::take() {
  if (!done()) return backupError(BackupErrorKind::Io, "the document is not read yet");
  BackupResult<BackupDocument> out = std::move(m_result);
  m_result = BackupDocument{};
  return out;
}

}  // namespace toward::backup
