// plugins/letters/letters_plugin.cpp: the letters' PluginSpec (see letters_plugin.h).
#include "plugins/letters/letters_plugin.h"

#include "plugins/letters/letters_model.h"

namespace toward::letters {

const core::PluginSpec& plugin() {
  static const core::PluginSpec spec{
      {"letters", "Letters", "Words that can wait. Nothing is ever sent."},
      registerLetters,
      core::makeAttachedModel<LettersModel>};
  return spec;
}

}  // namespace toward::letters
