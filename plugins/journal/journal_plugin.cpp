// plugins/journal/journal_plugin.cpp: the journal's PluginSpec (see journal_plugin.h).
#include "plugins/journal/journal_plugin.h"

#include "plugins/journal/journal_model.h"

namespace toward::journal {

const core::PluginSpec& plugin() {
  static const core::PluginSpec spec{
      {"journal", "Journal", "The fork in the road, written down."},
      registerJournal,
      core::makeAttachedModel<JournalModel>};
  return spec;
}

}  // namespace toward::journal
