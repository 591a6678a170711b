// tests/fuzz/fuzz_backup_document.cpp: libFuzzer target for the backup document parser, the registry
// check and the preview. A document that parses must encode and parse back to the same text, and read in the
// smallest steps (DocumentReader, as the app opens a backup across frames) it must read the same.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/backup/backup_document.h"
#include "core/backup/document_reader.h"
#include "core/settings.h"
#include "plugins/journal/journal_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static toward::core::Registry* registry = [] {
    auto* r = new toward::core::Registry();
    toward::core::registerCoreTypes(*r);
    toward::journal::registerJournal(*r);
    return r;
  }();
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto doc = toward::backup::parseDocument(input);
  toward::backup::DocumentReader reader(input);
  double clock = 0;
  while (!reader.stepFor(0.5, [&] { return clock += 1.0; })) {
  }
  auto stepped = reader.take();
  if (bool(stepped) != bool(doc)) __builtin_trap();
  if (!doc) {
    if (stepped.error().kind != doc.error().kind) __builtin_trap();
    return 0;
  }
  if (toward::backup::encodeDocument(stepped.value()) != toward::backup::encodeDocument(doc.value())) __builtin_trap();
  (void)toward::backup::checkAgainstRegistry(doc.value(), *registry);
  (void)toward::backup::previewDocument(doc.value());
  const std::string text = toward::backup::encodeDocument(doc.value());
  auto again = toward::backup::parseDocument(text);
  if (!again || toward::backup::encodeDocument(again.value()) != text) __builtin_trap();
  return 0;
}
