// core/backup/document_reader.h: a backup document's text read a part at a time, so that the app can open a
// large backup across frames (10,000 records are 13.6 MB of JSON; read at once, one frame of 120 ms).
//   1. scan: the text is walked once (strings skipped) to find every element of the top-level arrays that is
//      an object or an array (a record), and to keep the rest, the skeleton, with each of them as "{}";
//   2. skeleton: the skeleton is parsed (small) and checked as the whole document was: the marker, the
//      format, the times, the records and trash lists and their sizes;
//   3. elements: each record's own text is parsed and read, a few at a time, in the lists' order.
// The skeleton parses and every element parses exactly when the whole text does, so what is accepted, and
// what comes of it, is parseDocument()'s (which is this reader run to the end).
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/backup/backup_document.h"

namespace toward::backup {

class DocumentReader {
 public:
  // `text` must outlive the reader.
  explicit DocumentReader(std::string_view text);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;
  // Reads on for about `budgetMs` as `clockMs` (milliseconds) tells it, looking at it after each 64 KiB
  // scanned and each record read: true once done.
  bool stepFor(double budgetMs, const std::function<double()>& clockMs);
  // Reads to the end.
  void run();
  bool done() const { return m_phase == Phase::Done; }
  // 0..1.
  double progress() const;
  // The document, or why the text is not one; once done().
  BackupResult<BackupDocument> take();

 private:
  enum class Phase { Scan, Skeleton, Elements, Done };
  struct Span {
    size_t begin = 0, end = 0;
  };
  struct Parsed;   // the skeleton's parse (rapidjson), kept while the elements are read
  bool scanBlock();
  void readSkeleton();
  void readElement();
  void fail(BackupError error);

  std::string_view m_text;
  Phase m_phase = Phase::Scan;
  // scan
  size_t m_pos = 0, m_copied = 0, m_spanStart = 0;
  int m_depth = 0;
  bool m_inString = false, m_escaped = false, m_parentIsArray = false, m_inSpan = false;
  std::string m_skeleton;
  std::vector<std::vector<Span>> m_spans;   // per top-level array, in the text's order
  // elements
  std::unique_ptr<Parsed> m_parsed;
  size_t m_list = 0;          // 0: records, 1: trash, 2: the other arrays (checked to be JSON, not used)
  size_t m_index = 0;         // in the list being read
  size_t m_elementsRead = 0, m_elementsTotal = 0;
  BackupDocument m_doc;
  BackupResult<BackupDocument> m_result{BackupDocument{}};
};

}  // namespace toward::backup
