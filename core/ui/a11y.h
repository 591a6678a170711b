// core/ui/a11y.h: the annotation API, so that a screen reader (and a test by role) knows what each
// drawn control is. Dear ImGui's item hooks already give every control with an id its rectangle, its
// label (without "##") and checkbox/slider/tree states; a widget adds what they cannot tell by calling
// one of these right AFTER the item it describes:
//   if (ImGui::Selectable(title, chosen)) select(i);  ui::a11y::tab(chosen);
//   if (ImGui::Button("x##close")) close();             ui::a11y::name("Close");
//   ui::a11y::paragraph(words);   // after ImGui::TextWrapped("%s", words) (Text items have no id)
// Groups wrap what they hold: beginList/endList, beginTabList/endTabList, beginDialog/endDialog.
// The tree is collected only on frames the app draws anyway (core/ui/a11y_tree.h) and mirrored as
// hidden DOM elements by web/glue/a11y.js.
#pragma once
#include <cstdint>
#include <string>

#include "core/ui/a11y_tree.h"

namespace toward::ui::a11y {

// [SECTION] about the last item (call right after it)
void role(Role role);                  // what it is when not a plain button (Link, Tab, Switch, ListItem, ...)
void name(const char* name);           // its name when the label shows none (an icon, "##" only)
void selected(bool on);                // a tab, chip or row that is the chosen one (aria-selected/pressed)
void tab(bool selected);               // role(Tab) + selected(selected)
void radio(bool checked);              // one of a set of exclusive choices (ImGui::RadioButton, a length)
void range(int now, int lo, int hi);   // a slider's number and range (ui::Slider calls it; words "7 of 10")
void value(const std::string& words);  // a slider's value in the words the app shows ("50: unsettled")
void description(const char* words);   // its hint, read after its name (aria-description; ui::Hint sets it)
void cancel();                         // Escape in its dialog presses it (it must keep typed words)
void expanded(bool open);              // it opens something (a menu): whether that is open (aria-expanded)
void listItem();                       // a row of the list it is in (beginList): still pressable, read as an item
void hide();                           // not exposed (decoration, or a DOM text field stands over it)

// [SECTION] static text: describes the last drawn text item (TextWrapped, TextUnformatted)
void paragraph(const char* words);
void heading(const char* words, int level = 2);
// A status line under `key`; its words are said by the polite live region when they differ from the words
// it last said (`say` false: words in passing, never said; see TreeBuilder::status).
void status(const char* key, const char* words, bool say = true);

// A progress bar (the last item, ImGui::ProgressBar, which has no id): its name ("Bringing your backup in")
// and how far along it is, 0..1; read as a percentage.
void progress(const char* name, float fraction);

// A chart (the last item): a one-sentence summary and its numbers as a table, rows of tab-separated
// cells, the first row heading the columns.
void chart(const std::string& summary, const std::string& rows);

// [SECTION] groups: the nodes made until the matching end are inside
void beginGroup(Role role, const char* name);
void endGroup();
inline void beginList(const char* name) { beginGroup(Role::List, name); }
inline void endList() { endGroup(); }
inline void beginTabList(const char* name) { beginGroup(Role::TabList, name); }
inline void endTabList() { endGroup(); }
// A dialog: aria-modal, the rest of the page inert while it shows.
inline void beginDialog(const char* name) { beginGroup(Role::Dialog, name); }
inline void endDialog() { endGroup(); }
// Choices of which one is chosen (ui::Radio, a11y::radio), named by their question ("Colours").
inline void beginRadioGroup(const char* name) { beginGroup(Role::RadioGroup, name); }
inline void endRadioGroup() { endGroup(); }

// [SECTION] the live region
void announce(const std::string& words);  // said once, politely

// [SECTION] the frame (web/main.cpp)
// Turns the hooks on; call once after ImGui::CreateContext().
void install();
void beginFrame();
// Ends the frame's tree: what changed since the last one handed over (core/ui/a11y_delta.h), else "".
// handOver false: the tree is collected but kept back (""), and the next frame's is compared with the one
// handed over last (see pressedThisFrame).
std::string endFrame(bool handOver = true);
// True when this frame acted on a press (a click or tap released, Enter or Space, a screen reader's click):
// what the press changed shows only in what was drawn after it, so the frame's tree can say two things at
// once (the period chosen a moment ago, still drawn as chosen above the one just pressed).
bool pressedThisFrame();
// Off: no tree is collected and the page's mirror is emptied (the bench's floor); on again: whole again.
void setEnabled(bool on);
// Words for the live region since the last call.
std::vector<std::string> takeAnnouncements();
// What the page asked for (a screen reader moved focus or clicked): applied on the next frame.
// (Focus from the page also reveals the item, as requestReveal does.)
void requestFocus(uint32_t id);
// Item `id` was reached from the keyboard or a screen reader (Tab, a DOM text field focused without the
// pointer): on the next frame the windows it is in scroll so that it shows with room around it. What
// comes after it is then drawn, so in the mirror, and the next Tab reaches it: the mirror holds only what
// is drawn, and a control scrolled out of view would otherwise be out of reach of the keys.
void requestReveal(uint32_t id);
// A DOM text field over item `id` took the keyboard focus: ImGui's own focus moves to its item, with no
// ring drawn (the field shows its own), so no other control still looks focused or shows its hint.
void requestFieldFocus(uint32_t id);
void requestActivate(uint32_t id);
// The page moved slider `id` (arrows on its element, from a keyboard or a screen reader): it takes `value`
// on the next frame. takeValue hands it to the slider once (ui::Slider calls it).
void requestValue(uint32_t id, int value);
bool takeValue(uint32_t id, int* value);
// The tree of the frame drawn last (tests, bench).
const TreeBuilder& tree();

}  // namespace toward::ui::a11y
