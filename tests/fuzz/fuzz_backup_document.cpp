// tests/fuzz/fuzz_backup_document.cpp: libFuzzer target for the backup document parser, the registry
// check and the preview. A document that parses must encode and parse back to the same text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/backup/backup_document.h"
#include "core/settings.h"
#include "plugins/journal/journal_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static toward::core::Registry* registry = [] {
    auto* r = new toward::core::Registry();
    toward::core::registerCoreTypes(*r);
    toward::journal::registerJournal(*r);
    return r;
  }();
  auto doc = toward::backup::parseDocument(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!doc) return 0;
  (void)toward::backup::checkAgainstRegistry(doc.value(), *registry);
  (void)toward::backup::previewDocument(doc.value());
  const std::string text = toward::backup::encodeDocument(doc.value());
  auto again = toward::backup::parseDocument(text);
  if (!again || toward::backup::encodeDocument(again.value()) != text) __builtin_trap();
  return 0;
}
