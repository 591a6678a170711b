// core/ui/widgets.h: small calm widgets shared by every page: buttons, headings, muted text, and
// drag-to-scroll for touch screens (ImGui scrolls with wheels, not fingers, by itself).
#pragma once
#include <imgui.h>

#include "core/ui/fonts.h"

namespace toward::ui {

// A filled accent button for the main action of a page.
bool PrimaryButton(const char* label, ImVec2 size = ImVec2(0, 0));
// A quiet button for secondary actions.
bool QuietButton(const char* label, ImVec2 size = ImVec2(0, 0));
// A toggle button (a "chip"): a soft accent fill and border when selected. Returns true when pressed.
bool Chip(const char* label, bool selected);
// A page or section heading in the heading font.
void Heading(const Fonts& fonts, const char* text);
// Wrapped text in the muted colour.
void MutedText(const char* text);
// Wrapped text in the normal colour.
void BodyText(const char* text);
// Call at the end of a scrolling window or child: a finger dragging on empty space scrolls it.
void TouchScroll();
// Height of a comfortable touch row for `compact` layouts.
float RowHeight(bool compact);

}  // namespace toward::ui
