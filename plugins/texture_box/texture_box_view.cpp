// plugins/texture_box/texture_box_view.cpp: the box grid, an object's page and the distress scale
// (see texture_box_view.h).
#include "plugins/texture_box/texture_box_view.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/ui/a11y.h"
#include "core/ui/text_field.h"
#include "core/ui/theme.h"
#include "core/ui/widgets.h"

namespace toward::texture_box {
namespace {

std::string joinedTags(const std::vector<std::string>& xs) {
  std::string out;
  for (size_t i = 0; i < xs.size(); ++i) out += (i ? ", " : "") + xs[i];
  return out;
}

std::vector<std::string> splitTags(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s + ",") {
    if (c == ',') {
      const size_t a = cur.find_first_not_of(' '), b = cur.find_last_not_of(' ');
      if (a != std::string::npos) out.push_back(cur.substr(a, b - a + 1));
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

// A small toggle in a flowing row: filled softly when chosen. Returns true when tapped.
// `first`: the first chip of a row of chips (starts on a new line).
bool Chip(const char* label, bool on, bool first = false) {
  const ui::Palette& p = ui::palette();
  const float w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (!first) {
    ImGui::SameLine(0, style.ItemSpacing.x * 0.6f);
    if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
  }
  ImGui::PushStyleColor(ImGuiCol_Button, on ? p.accentSoft : ImVec4(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_Border, on ? p.accent : p.border);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, ImGui::GetFontSize());
  const bool pressed = ImGui::Button(label);
  ui::a11y::selected(on);
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
  return pressed;
}

bool toggleWord(std::vector<std::string>& words, const std::string& word) {
  auto it = std::find(words.begin(), words.end(), word);
  if (it == words.end()) words.push_back(word);
  else words.erase(it);
  return true;
}

bool has(const std::vector<std::string>& words, const std::string& w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

}  // namespace

void TextureBoxView::draw(ui::ViewContext& ctx) {
  m_lastNowMs = ctx.nowMs;
  m_reducedMotion = ctx.reducedMotion;
  m_photos.beginFrame();
  if (m_dirty && m_autosave.due(ctx.nowMs)) commitPendingEdits();
  switch (m_page) {
    case Page::Box: drawBox(ctx); break;
    case Page::Object: drawObject(ctx); break;
    case Page::Scale: drawScale(ctx); break;
    case Page::Session: drawSession(ctx); break;
  }
}

int64_t TextureBoxView::nextWakeMs() const {
  int64_t wake = -1;
  if (m_dirty) wake = m_autosave.dueMs();
  if (m_photos.busy()) wake = m_lastNowMs + 30;
  if (m_page == Page::Session && m_step == Step::Running) {
    // Smooth breathing needs frames; with less motion, only the words change (about once a second).
    const int64_t next = m_lastNowMs + (m_reducedMotion ? 500 : 33);
    wake = wake < 0 ? next : std::min(wake, next);
  }
  return wake;
}

void TextureBoxView::commitPendingEdits() {
  recordRunningSession(m_lastNowMs);
  if (!m_dirty || m_openId.empty()) return;
  const TextureObject* current = m_model.find(m_openId);
  if (!current) { m_dirty = false; return; }
  m_draft.photoId = current->photoId;   // the photo is saved on its own; never put back an older one
  m_draft.order = current->order;
  m_draft.helpTags = splitTags(m_tagsText);
  auto s = m_model.save(m_openId, m_draft);
  if (s) {
    m_dirty = false;
  } else {
    m_message = "Your words are still here, but could not be saved yet (" + s.message() + ").";
    m_autosave.retryFrom(m_lastNowMs);   // try again after another wait
  }
}

ui::Recovery TextureBoxView::recoverText(const std::string& key, const std::string& text, bool afterCrash) {
  using ui::Recovery;
  std::string id, field;
  if (!ui::splitFieldKey(key, "texture.object", id, field)) return Recovery::NotMine;
  const TextureObject* stored = m_model.find(id);
  if (!stored) return Recovery::NotMine;
  if (id == m_openId) commitPendingEdits();
  TextureObject next = id == m_openId ? m_draft : *stored;   // the draft keeps words a failed save could not store
  std::string* target = field == "name"          ? &next.name
                        : field == "description" ? &next.description
                        : field == "kept"        ? &next.keptWhere
                        : field == "helps"       ? &next.helpsWith
                        : field == "notes"       ? &next.notes
                                                 : nullptr;
  if (!target) return Recovery::NotMine;
  if (*target == text) return Recovery::Stored;
  *target = text;
  if (!m_model.save(id, next)) return Recovery::NotNow;
  if (id == m_openId) open(id);
  return Recovery::Stored;
}

std::vector<ui::FieldWords> TextureBoxView::unstoredWords() const {
  std::vector<ui::FieldWords> out;
  if (!m_dirty || m_openId.empty()) return out;
  const TextureObject* found = m_model.find(m_openId);
  const TextureObject stored = found ? *found : TextureObject{};
  const std::string prefix = "texture.object/" + m_openId;
  ui::addIfChanged(out, prefix, "name", m_draft.name, stored.name);
  ui::addIfChanged(out, prefix, "description", m_draft.description, stored.description);
  ui::addIfChanged(out, prefix, "kept", m_draft.keptWhere, stored.keptWhere);
  ui::addIfChanged(out, prefix, "helps", m_draft.helpsWith, stored.helpsWith);
  ui::addIfChanged(out, prefix, "notes", m_draft.notes, stored.notes);
  return out;
}

void TextureBoxView::noteEdit(int64_t nowMs) {
  m_autosave.edited(nowMs, m_dirty);
  m_dirty = true;
}

void TextureBoxView::open(const std::string& id) {
  commitPendingEdits();
  const TextureObject* o = m_model.find(id);
  if (!o) return;
  m_openId = id;
  m_draft = *o;
  m_tagsText = joinedTags(o->helpTags);
  m_ownTexture.clear();
  m_message.clear();
  m_confirmTrash = false;
  m_page = Page::Object;
}

// ---------------------------------------------------------------- the box
void TextureBoxView::drawBox(ui::ViewContext& ctx) {
  ui::Heading(ctx.fonts, "Texture box");
  ui::MutedText("The things you keep close because they feel good to touch. When sight and sound are too much, "
                "touch and slow breath can bring you back to now.");
  ImGui::Spacing();
  const ImVec2 button(0, ui::RowHeight(ctx.compact));
  if (ui::PrimaryButton("Begin grounding", button)) startSession();
  ImGui::SameLine();
  if (ui::QuietButton("Add an object", button)) {
    auto id = m_model.add(TextureObject{});
    if (id) open(id.value());
    else m_message = id.error().message();
    m_focusName = bool(id);
  }
  if (!ctx.compact) ImGui::SameLine();   // on phones: a row of its own
  if (ui::QuietButton("My distress scale", button)) { m_scaleLoaded = false; m_scaleReturn = Page::Box; m_page = Page::Scale; }
  if (!m_message.empty() && m_page == Page::Box) {
    ui::CalmWarning(m_message);
  }
  ImGui::Spacing();
  if (m_model.size() == 0) {
    ui::MutedText("Your box is empty for now. Add the first thing: a ribbon, a feather, a smooth stone, a wooden bead, "
                  "a piece of soft cloth. A photo helps you find it when words are hard.");
    return;
  }
  drawGrid(ctx);
}

void TextureBoxView::drawGrid(ui::ViewContext& ctx) {
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::BeginChild("box-grid", ImVec2(0, 0));
  const float avail = ImGui::GetContentRegionAvail().x;
  const float gap = style.ItemSpacing.x * 1.5f;
  const float target = ctx.compact ? 150.0f : 180.0f;
  const int columns = std::max(2, int((avail + gap) / (target + gap)));
  const float side = std::floor((avail - gap * float(columns - 1)) / float(columns));
  const float labelH = ImGui::GetTextLineHeightWithSpacing() * 1.2f;
  const float rowH = side + labelH + style.ItemSpacing.y;
  const auto& ids = m_model.ordered();
  const int rows = int((ids.size() + size_t(columns) - 1) / size_t(columns));
  const ui::Palette& p = ui::palette();
  ImGuiListClipper clipper;
  clipper.Begin(rows, rowH);
  ui::a11y::beginList("Objects");
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const ImVec2 rowStart = ImGui::GetCursorScreenPos();
      for (int col = 0; col < columns; ++col) {
        const size_t i = size_t(row) * size_t(columns) + size_t(col);
        if (i >= ids.size()) break;
        const TextureObject* o = m_model.find(ids[i]);
        if (!o) continue;
        const ImVec2 pos(rowStart.x + float(col) * (side + gap), rowStart.y);
        ImGui::SetCursorScreenPos(pos);
        ImGui::PushID(ids[i].c_str());
        const std::string name = o->name.empty() ? std::string("Without a name") : o->name;
        if (ImGui::InvisibleButton("object", ImVec2(side, side + labelH))) open(ids[i]);
        ui::a11y::name((o->favourite ? name + ", a favourite" : name).c_str());  // drawn by hand: named here
        ui::a11y::listItem();
        const bool hovered = ImGui::IsItemHovered();
        if (ImGui::CalcTextSize(name.c_str()).x > side - 4 && ui::HoverTip()) ImGui::SetTooltip("%s", name.c_str());
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float r = side * 0.06f;
        dl->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), ImGui::GetColorU32(hovered ? p.surfaceHover : p.surface), r);
        ImTextureID tex{};
        ImVec2 size;
        if (m_photos.get(o->photoId, false, [&] { return m_model.photoBytes(o->photoId); }, tex, size)) {
          // cover the square (crop the longer side), with rounded corners
          const float s = std::max(side / size.x, side / size.y);
          const float u = (size.x * s - side) / (2 * size.x * s), v = (size.y * s - side) / (2 * size.y * s);
          dl->AddImageRounded(tex, pos, ImVec2(pos.x + side, pos.y + side), ImVec2(u, v), ImVec2(1 - u, 1 - v),
                              IM_COL32_WHITE, r);
        } else {
          // The first letter whole (a letter outside ASCII takes two to four bytes: "Ö", "Ж").
          size_t first = o->name.empty() ? 0 : 1;
          while (first < o->name.size() && (static_cast<unsigned char>(o->name[first]) & 0xC0) == 0x80) ++first;
          const std::string initial = o->name.empty() ? std::string("?") : o->name.substr(0, first);
          const ImVec2 ts = ImGui::CalcTextSize(initial.c_str());
          dl->AddText(ImVec2(pos.x + (side - ts.x) / 2, pos.y + (side - ts.y) / 2), ImGui::GetColorU32(p.muted), initial.c_str());
        }
        dl->AddRect(pos, ImVec2(pos.x + side, pos.y + side), ImGui::GetColorU32(p.border), r);
        if (o->favourite) {
          const float d = side * 0.05f;
          dl->AddCircleFilled(ImVec2(pos.x + side - d * 2.2f, pos.y + d * 2.2f), d, ImGui::GetColorU32(p.accent));
        }
        // A name longer than the card ends in "..." (the whole name is the button's accessible name).
        ui::RowLine(dl, ImVec2(pos.x + 2, pos.y + side + style.ItemSpacing.y * 0.5f), pos.x + side - 2,
                    ImGui::GetColorU32(p.text), name);
        ImGui::PopID();
      }
      ImGui::SetCursorScreenPos(ImVec2(rowStart.x, rowStart.y + rowH));
      ImGui::Dummy(ImVec2(0, 0));
    }
  }
  ui::a11y::endList();
  ui::TouchScroll();
  ImGui::EndChild();
}

void TextureBoxView::drawPhoto(const std::string& photoId, bool large, float side, const std::string& fallbackName) {
  const ui::Palette& p = ui::palette();
  ImTextureID tex{};
  ImVec2 size;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (m_photos.get(photoId, large, [&] { return m_model.photoBytes(photoId); }, tex, size)) {
    // fitted and centred in a square, so what follows does not move when the photo arrives
    const float s = std::min(side / size.x, side / size.y);
    const ImVec2 d(size.x * s, size.y * s);
    const ImVec2 at(pos.x + (side - d.x) / 2, pos.y + (side - d.y) / 2);
    dl->AddImageRounded(tex, at, ImVec2(at.x + d.x, at.y + d.y), ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, side * 0.03f);
    ImGui::Dummy(ImVec2(side, side));
    return;
  }
  dl->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), ImGui::GetColorU32(p.surface), side * 0.05f);
  const char* hint = photoId.empty() ? "No photo yet" : "...";
  const ImVec2 ts = ImGui::CalcTextSize(hint);
  dl->AddText(ImVec2(pos.x + (side - ts.x) / 2, pos.y + (side - ts.y) / 2), ImGui::GetColorU32(p.muted), hint);
  (void)fallbackName;
  ImGui::Dummy(ImVec2(side, side));
}

// ---------------------------------------------------------------- an object's page
void TextureBoxView::pickPhoto(ui::ViewContext& ctx) {
  commitPendingEdits();
  m_picking = true;
  m_message.clear();
  const std::string id = m_openId;
  core::Platform* platform = &ctx.platform;
  ctx.platform.pickImage(photoLimits(), [this, id, platform](core::PickedImage image) {
    m_picking = false;
    if (image.status == core::PickedImage::Status::Cancelled) { platform->wake(); return; }
    auto s = m_model.setPhoto(id, image);
    if (!s) {
      m_message = s.message();
    } else if (const TextureObject* o = m_model.find(id)) {
      m_photos.seed(o->photoId, true, image.width, image.height, std::move(image.rgba));
      m_draft.photoId = o->photoId;
      m_message.clear();
    }
    platform->wake();
  });
}

void TextureBoxView::drawObject(ui::ViewContext& ctx) {
  const TextureObject* stored = m_model.find(m_openId);
  if (!stored) {
    m_page = Page::Box;
    m_openId.clear();
    return;
  }
  core::TextInputService& text = ctx.platform.textInput();
  const std::string key = "texture.object/" + m_openId + "/";
  const ImVec2 row(0, ui::RowHeight(ctx.compact));
  if (ui::QuietButton("Back to the box", row)) {
    commitPendingEdits();
    m_page = Page::Box;
    return;
  }
  ImGui::SameLine();
  if (ui::PrimaryButton("Ground with this", row)) {
    commitPendingEdits();
    startSession();
    m_sessionObject = m_openId;
    return;
  }
  ImGui::BeginChild("object-page", ImVec2(0, 0));
  const float photoSide = ctx.compact ? std::min(ImGui::GetContentRegionAvail().x, 360.0f) : 260.0f;
  ImGui::BeginGroup();
  drawPhoto(stored->photoId, true, photoSide, stored->name);
  if (ui::QuietButton(stored->photoId.empty() ? "Add a photo" : "Choose another photo")) pickPhoto(ctx);
  if (!stored->photoId.empty()) {
    ImGui::SameLine();
    if (ui::QuietButton("Remove photo")) m_model.removePhoto(m_openId);
  }
  if (m_picking) ui::MutedText("Choosing a picture...");
  if (!m_message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().warning);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + photoSide);
    ImGui::TextWrapped("%s", m_message.c_str());
    ui::a11y::paragraph(m_message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  ImGui::EndGroup();
  if (!ctx.compact) ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 3);
  ImGui::BeginGroup();
  const float w = ctx.compact ? -1.0f : std::max(200.0f, ImGui::GetContentRegionAvail().x);
  ImGui::PushItemWidth(w);
  ui::MutedText("Name");
  if (ui::TextLine(text, key + "name", m_draft.name, w, {"What do you call it?", "Name", m_focusName})) noteEdit(ctx.nowMs);
  m_focusName = false;
  ui::MutedText("A few words about it");
  if (ui::TextLine(text, key + "description", m_draft.description, w, {"A flat grey stone from the beach", "Description", false}))
    noteEdit(ctx.nowMs);
  ui::MutedText("How it feels");
  for (const auto& t : textureVocabulary()) {
    if (Chip(t.c_str(), has(m_draft.textures, t), &t == &textureVocabulary().front())) { toggleWord(m_draft.textures, t); noteEdit(ctx.nowMs); }
  }
  for (size_t i = 0; i < m_draft.textures.size(); ++i) {
    const auto& t = m_draft.textures[i];
    if (has(textureVocabulary(), t)) continue;
    ImGui::PushID(int(i));
    if (Chip(t.c_str(), true)) { m_draft.textures.erase(m_draft.textures.begin() + long(i)); noteEdit(ctx.nowMs); ImGui::PopID(); break; }
    ImGui::PopID();
  }
  ui::TextLine(text, key + "ownTexture", m_ownTexture, ctx.compact ? ImGui::GetContentRegionAvail().x * 0.72f : w * 0.6f, {.placeholder = "Your own word, then Add", .label = "Your own texture word", .kept = false});
  ImGui::SameLine();
  const bool add = ui::QuietButton("Add") || text.takeSubmit(key + "ownTexture");
  ui::a11y::name("Add this word");
  if (add && !m_ownTexture.empty()) {
    m_draft.textures.push_back(m_ownTexture);
    m_ownTexture.clear();
    noteEdit(ctx.nowMs);
  }
  ui::MutedText("Senses it speaks to");
  for (const auto& s : senseVocabulary()) {
    if (Chip(s.c_str(), has(m_draft.senses, s), &s == &senseVocabulary().front())) { toggleWord(m_draft.senses, s); noteEdit(ctx.nowMs); }
  }
  ui::MutedText("Where it is kept");
  if (ui::TextLine(text, key + "kept", m_draft.keptWhere, w, {"Coat pocket, bedside drawer...", "Where it is kept", false}))
    noteEdit(ctx.nowMs);
  ui::MutedText("What it tends to help with");
  if (ui::TextLine(text, key + "helps", m_draft.helpsWith, w, {"Waiting rooms, nights, before sessions...", "What it helps with", false}))
    noteEdit(ctx.nowMs);
  if (ui::TextLine(text, key + "tags", m_tagsText, w, {"Tags, with commas: longing, sleep", "Tags", false})) noteEdit(ctx.nowMs);
  ui::MutedText("Notes");
  if (ui::TextArea(text, key + "notes", m_draft.notes, ImVec2(w, ImGui::GetTextLineHeight() * 4), {"Anything to remember", "Notes", false}))
    noteEdit(ctx.nowMs);
  if (ImGui::Checkbox("A favourite", &m_draft.favourite)) noteEdit(ctx.nowMs);
  ImGui::PopItemWidth();
  ImGui::Spacing();
  const std::string relief = "In grounding sessions: " + reliefWords(m_model.reliefFor(m_openId)) + ".";
  ui::MutedText(relief.c_str());
  ImGui::Spacing();
  if (ui::QuietButton("Move earlier")) { commitPendingEdits(); m_model.move(m_openId, -1); }
  ImGui::SameLine();
  if (ui::QuietButton("Move later")) { commitPendingEdits(); m_model.move(m_openId, +1); }
  ImGui::SameLine();
  if (!m_confirmTrash) {
    if (ui::QuietButton("Move to trash")) m_confirmTrash = true;
  } else {
    if (ui::QuietButton("Yes, move it to the trash")) {
      m_dirty = false;
      m_model.remove(m_openId);
      m_page = Page::Box;
      m_openId.clear();
    }
    ImGui::SameLine();
    if (ui::QuietButton("Keep it")) m_confirmTrash = false;
    ui::MutedText("It waits in the trash for 30 days, with its photo, and can be brought back.");
  }
  ImGui::EndGroup();
  ui::TouchScroll();
  ImGui::EndChild();
}

// ---------------------------------------------------------------- the distress scale
void TextureBoxView::drawScale(ui::ViewContext& ctx) {
  if (!m_scaleLoaded) {
    m_scaleDraft = core::loadDistressScale(m_model.store());
    m_scaleLoaded = true;
  }
  core::TextInputService& text = ctx.platform.textInput();
  ui::Heading(ctx.fonts, "My distress scale");
  ui::MutedText("From 0 to 100, in your own words. These words appear wherever Toward asks how strong it is "
                "right now. You can change them at any time.");
  ImGui::Spacing();
  ui::MutedText("0, the calmest I get");
  ui::TextLine(text, "core.distress_scale/low", m_scaleDraft.low, -1, {"Sitting by the lake, at ease", "Words for 0", false});
  ui::MutedText("50, in the middle");
  ui::TextLine(text, "core.distress_scale/middle", m_scaleDraft.middle, -1, {"Wobbly, but I can still think", "Words for 50", false});
  ui::MutedText("100, as strong as it gets");
  ui::TextLine(text, "core.distress_scale/high", m_scaleDraft.high, -1, {"The worst it gets", "Words for 100", false});
  ImGui::Spacing();
  const ImVec2 row(0, ui::RowHeight(ctx.compact));
  if (ui::PrimaryButton("Keep these words", row)) {
    auto s = core::saveDistressScale(m_model.store(), m_scaleDraft);
    if (s) m_page = m_scaleReturn;
    else m_message = s.message();
  }
  ImGui::SameLine();
  if (ui::QuietButton("Back", row)) m_page = m_scaleReturn;
}

}  // namespace toward::texture_box
