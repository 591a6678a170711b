// core/ui/text_field.h: text editing for plugins. The platform's TextInputService puts a real
// <textarea>/<input> over the reserved box (word wrap, spellcheck, IME, phone keyboards, the real
// clipboard; Escape never discards anything); ImGui only reserves the box and draws its frame.
#pragma once
#include <string>

#include <imgui.h>

#include "core/platform/platform.h"

namespace toward::ui {

struct TextFieldOptions {
  const char* placeholder = "";   // placeholder: text shown while empty, default ""
  const char* label = "";         // label: accessible name, default ""
  bool focus = false;             // focus: take keyboard focus this frame, default false
  bool password = false;          // password: a passphrase (dots, no spellcheck or autofill), default false
  bool phone = false;             // phone: a phone number (a phone shows its number keypad), default false
  bool number = false;            // number: a whole number (a phone shows digits), default false
  bool kept = true;               // kept: the words go into a record, and the top bar says "Saving..." until a
                                  // frame takes them (false: a search; a password field is never kept), default true
};

// A multi-line, word-wrapped field filling `size` (negative = fill the remaining space).
// Returns true when the person changed `text` this frame.
bool TextArea(core::TextInputService& service, const std::string& key, std::string& text, ImVec2 size,
              const TextFieldOptions& options = {});

// A single-line field `width` wide (negative = fill). Returns true when `text` changed.
bool TextLine(core::TextInputService& service, const std::string& key, std::string& text, float width,
              const TextFieldOptions& options = {});

// True while a popup is open over the current window: a DOM element (a text field, a link) would float
// above it, so none is placed then.
bool PopupCoversThisWindow();

// Splits a field key "<type>/<id>/<field>" (the form record editors use) when it starts with `type`.
bool splitFieldKey(const std::string& key, const std::string& type, std::string& id, std::string& field);

}  // namespace toward::ui
