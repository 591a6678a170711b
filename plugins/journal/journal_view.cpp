// plugins/journal/journal_view.cpp: see journal_view.h. The page, the list, filters and the calendar.
#include "plugins/journal/journal_view.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <chrono>
#include <utility>

#include "core/count_words.h"
#include "core/local_days.h"
#include "core/text_fold.h"
#include "core/time_format.h"
#include "core/ui/a11y.h"
#include "core/ui/text_field.h"
#include "core/ui/theme.h"
#include "core/ui/widgets.h"
#include "plugins/journal/feelings_vocabulary.h"
#include "plugins/journal/journal_view_parts.h"

namespace toward::journal {
namespace {

std::string joinTags(const std::vector<std::string>& tags) {
  std::string out;
  for (size_t i = 0; i < tags.size(); ++i) out += (i ? ", " : "") + tags[i];
  return out;
}

}  // namespace

// ---------------------------------------------------------------- drafts and saving
void JournalView::open(const std::string& id) {
  commitPendingEdits();
  if (id != m_openId) leaveEntry(m_openId);
  m_openId = id;
  m_saveError.clear();
  if (const JournalEntry* e = m_model.find(id)) m_draft = *e;
  m_draftSeenChange = m_model.changeCount();
  m_tagsText = joinTags(m_draft.tags);
  m_revealed = m_draft.contentNote.empty();
  m_pickingFeelings = false;
  m_ownFeeling.clear();
  m_ownUrge.clear();
  m_dirty = false;
}

void JournalView::createEntry(const std::string& kind) {
  auto id = m_model.create(kind);
  if (id) {
    // A new entry matches no search yet: the list shows everything again, so it is there at the top
    // (under a search it was missing from the list, as if it had not been made).
    m_filter = JournalFilter{};
    m_calDay = 0;
    open(id.value());
    m_focusText = true;
    m_showEditorOnPhone = true;
  } else {
    m_saveError = id.error().message();
  }
}

void JournalView::noteEdit(int64_t nowMs) {
  m_autosave.edited(nowMs, m_dirty);
  m_dirty = true;
}

void JournalView::leaveEntry(const std::string& id) {
  if (id.empty()) return;
  // An entry left without anything in it leaves no record (and no longer shows as open).
  if (!(id == m_openId && m_dirty) && m_model.forgetIfBlank(id)) {
    if (id == m_openId) {
      m_openId.clear();
      m_showEditorOnPhone = false;
    }
    return;
  }
  if (!m_checkIn) return;
  const JournalEntry* e = m_model.find(id);
  if (e && isHardMoment(*e)) m_checkIn("journal.entry/" + id);
}

void JournalView::onHide() {
  commitPendingEdits();
  leaveEntry(m_openId);
}

void JournalView::commitPendingEdits() {
  if (!m_dirty || m_openId.empty()) return;
  auto status = m_model.save(m_openId, m_draft);
  if (status) {
    m_dirty = false;
    m_saveError.clear();
    m_draftSeenChange = m_model.changeCount();
  } else {
    // The words stay in the draft and on screen; saving is tried again after the next pause.
    m_saveError = status.message();
  }
}

ui::Recovery JournalView::recoverText(const std::string& key, const std::string& text, bool afterCrash) {
  using ui::Recovery;
  std::string id, field;
  if (!ui::splitFieldKey(key, "journal.entry", id, field)) return Recovery::NotMine;
  const JournalEntry* stored = m_model.find(id);
  if (!stored) return Recovery::NotMine;
  if (id == m_openId) commitPendingEdits();
  JournalEntry next = id == m_openId ? m_draft : *stored;
  std::string* target = field == "text"           ? &next.text
                        : field == "title"        ? &next.title
                        : field == "whatHappened" ? &next.fork.whatHappened
                        : field == "afterwards"   ? &next.fork.afterwards
                        : field == "contentNote"  ? &next.contentNote
                                                  : nullptr;
  if (!target) return Recovery::NotMine;
  if (*target == text) return Recovery::Stored;
  *target = text;
  if (!m_model.save(id, next)) return Recovery::NotNow;
  if (id == m_openId) open(id);
  return Recovery::Stored;
}

std::vector<ui::FieldWords> JournalView::unstoredWords() const {
  std::vector<ui::FieldWords> out;
  if (!m_dirty || m_openId.empty()) return out;
  const JournalEntry* found = m_model.find(m_openId);
  const JournalEntry stored = found ? *found : JournalEntry{};
  const std::string prefix = "journal.entry/" + m_openId;
  ui::addIfChanged(out, prefix, "text", m_draft.text, stored.text);
  ui::addIfChanged(out, prefix, "title", m_draft.title, stored.title);
  ui::addIfChanged(out, prefix, "whatHappened", m_draft.fork.whatHappened, stored.fork.whatHappened);
  ui::addIfChanged(out, prefix, "afterwards", m_draft.fork.afterwards, stored.fork.afterwards);
  ui::addIfChanged(out, prefix, "contentNote", m_draft.contentNote, stored.contentNote);
  return out;
}

int64_t JournalView::nextWakeMs() const {
  int64_t wake = m_dirty ? m_autosave.dueMs() : -1;
  if (m_timerPendingStart) return m_lastNowMs;
  // The next frame while entries are folded in frames. Where tasks beside the frames fold them, no frame for
  // it (in headless Chromium each drawn frame took a task's place: 20 a second), but now and then while typed
  // words wait (the page says it is looking), and at once when the tasks are done (toward_work wakes them).
  if (m_preparingSearch) {
    const int64_t next = !m_tasksBeside ? m_lastNowMs : m_wordsWaiting ? m_lastNowMs + kWordsWaitingFrameMs : -1;
    if (next >= 0) wake = wake < 0 ? next : std::min(wake, next);
  }
  // A search's walk: in the frames where no task can walk it (toward_work wakes the frames when it is whole).
  if (m_walking && !m_tasksBeside) wake = m_lastNowMs;
  if (m_timerOpen && m_timer.running()) {
    // The breath pacer moves smoothly; with less motion only the seconds change.
    const int64_t t = m_reducedMotion ? m_timer.nextChangeMs(m_lastNowMs) : m_lastNowMs + 33;
    if (wake < 0 || t < wake) wake = t;
  }
  return wake;
}

void JournalView::runAction(const std::string& actionId) {
  if (actionId == "feeling") startFeelingHere();
}

bool JournalView::openRecord(const std::string& type, const std::string& id) {
  if (type != kEntryType || !m_model.find(id)) return false;
  open(id);
  m_showEditorOnPhone = true;
  return true;
}

void JournalView::wayOutClosed(bool back) {
  const std::string id = std::exchange(m_putAwayForWayOut, {});
  if (back) openRecord(kEntryType, id);
}

void JournalView::startFeelingHere() {
  commitPendingEdits();
  m_timerPendingStart = true;
  m_timerOpen = true;
  m_timerFor.clear();
  m_timerResultId.clear();
}

// ---------------------------------------------------------------- the page
void JournalView::draw(ui::ViewContext& ctx) {
  m_lastNowMs = ctx.nowMs;
  m_tasksBeside = ctx.tasksBeside;
  m_checkIn = ctx.checkIn;
  // Entries are prepared for search from the second frame on, so the first frame is not kept waiting (10,000
  // entries take about 200 ms to fold): mostly in tasks beside the frames (workBeside), and in each frame up
  // to kPrepareSearchMsPerFrame into it; where there are no tasks and typed words wait, kPrepareForWordsMsPerFrame
  // of the frame's own time.
  if (m_drawnOnce) {
    const bool ownTime = m_wordsWaiting && !ctx.tasksBeside;
    const int64_t from = ownTime ? ctx.platform.nowMs() : ctx.nowMs;
    const int64_t budget = ownTime ? kPrepareForWordsMsPerFrame : kPrepareSearchMsPerFrame;
    do {
      m_preparingSearch = foldSome();
    } while (m_preparingSearch && ctx.platform.nowMs() - from < budget);
  }
  m_preparingSearch = m_preparingSearch || !m_drawnOnce;
  m_drawnOnce = true;
  // Where no task can walk a search, each frame walks its share, whether or not it draws the list (the timer,
  // an entry open on a phone): a frame is asked for until the walk is whole.
  m_walkedThisFrame = false;
  if (m_walking && !ctx.tasksBeside) {
    m_walkedThisFrame = true;
    if (walkSome(kSearchMsPerFrame)) takeWalk();
  }
  m_reducedMotion = ctx.reducedMotion;
  if (m_dirty && m_autosave.due(ctx.nowMs)) {
    commitPendingEdits();
    if (m_dirty) m_autosave.retryFrom(ctx.nowMs);  // failed: try again after another wait
  }
  // A record changed elsewhere (another view, an import, the test API) refreshes a clean draft.
  if (!m_openId.empty() && !m_dirty && m_model.changeCount() != m_draftSeenChange) {
    if (const JournalEntry* e = m_model.find(m_openId)) {
      m_draft = *e;
      m_tagsText = joinTags(m_draft.tags);
    } else {
      m_openId.clear();
      m_showEditorOnPhone = false;
    }
    m_draftSeenChange = m_model.changeCount();
  }
  if (m_timerOpen) {
    drawTimer(ctx);
    return;
  }
  ui::ListAndEditor layout;
  layout.compact = ctx.compact;
  layout.hasOpen = !m_openId.empty();
  layout.backLabel = "< All entries";
  layout.listShare = 0.36f;
  layout.listEms = 22.0f;
  // "< All entries" on a phone leaves the entry (a hard one gets its check-in there and then).
  ui::DrawListAndEditor(layout, m_showEditorOnPhone, [this] { commitPendingEdits(); leaveEntry(m_openId); },
                        [&](float width) { drawList(ctx, width); }, [&] { drawEditor(ctx); });
}

// ---------------------------------------------------------------- the list
bool JournalView::workBeside() {
  const auto t0 = std::chrono::steady_clock::now();
  if (m_preparingSearch) {
    do {
      m_preparingSearch = foldSome();
    } while (m_preparingSearch &&
             std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() < kPrepareSearchMsPerTask);
    if (!m_preparingSearch) m_model.prepareFilterWalks();   // the first search's list made here, not in its frame
    return m_preparingSearch;
  }
  if (m_walking && walkSome(kSearchMsPerTask)) takeWalk();   // whole: taken now (the list may not be drawn)
  return m_walking;
}

namespace {
// (tests: a step that takes at least `ms` of the thread, as on a slow machine; see setSearchEntriesPerStep)
void holdUntil(std::chrono::steady_clock::time_point from, double ms) {
  while (ms > 0 && std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - from).count() < ms) {}
}
}  // namespace

bool JournalView::foldSome() {
  const auto t0 = std::chrono::steady_clock::now();
  const bool more = m_model.prepareSearchSome(kPrepareSearchStep);
  holdUntil(t0, m_foldStepMs);
  return more;
}

void JournalView::takeWalk() {
  m_hits.swap(m_walk.hits);
  m_walk.hits.clear();
  m_lastFilter = m_walk.filter;
  m_lastQueryChange = m_walk.atChange;
  m_walking = false;
}

bool JournalView::walkSome(double budgetMs) {
  const auto t0 = std::chrono::steady_clock::now();
  if (m_searchEntriesPerStep > 0) {   // (tests: see setSearchEntriesPerStep)
    const bool whole = m_model.filterSome(m_walk, m_searchEntriesPerStep);
    holdUntil(t0, m_searchStepMs);
    return whole;
  }
  while (!m_model.filterSome(m_walk, kSearchStep)) {
    if (std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() >= budgetMs) return false;
  }
  return true;
}

void JournalView::refreshHits() {
  // Filter again only when the words, the filters or the journal changed (or words waited), not every frame.
  if (m_filter == m_lastFilter && m_model.changeCount() == m_lastQueryChange && !m_wordsWaiting) {
    m_walking = false;   // back to the words found last (a walk for others is let go)
    return;
  }
  m_wordsWaiting = !m_filter.text.empty() && m_preparingSearch;
  if (m_wordsWaiting) {
    m_walking = false;
    return;
  }
  if (!m_walking || !(m_walk.filter == m_filter)) {
    m_model.beginFilter(m_filter, m_walk);
    m_walking = true;
  }
  if (m_walkedThisFrame) return;   // (its frame's share walked already, in draw)
  m_walkedThisFrame = true;
  if (walkSome(kSearchMsPerFrame)) takeWalk();   // else tasks beside the frames go on with it (workBeside)
}

void JournalView::chooseList() {
  // While a search walks, the list shown before stays: the entries found for the words before, or every entry
  // when nothing narrowed the list (the first letter typed).
  // After words waited for the folding, the page goes on saying it is looking until that walk is whole.
  bool filtering = m_filter.active();
  if (filtering) refreshHits();
  if (!filtering) m_wordsWaiting = m_walking = false;
  const bool looking = filtering && (m_wordsWaiting || (m_walking && m_showedLooking));
  filtering = filtering && (!m_walking || m_showedHits);
  m_showedHits = filtering;
  m_showedLooking = looking;
}

void JournalView::drawListHeader(ui::ViewContext& ctx) {
  ui::Heading(ctx.fonts, "Journal");
  if (ui::PrimaryButton("+ New entry", ImVec2(-1, 0))) createEntry("free");
  if (ctx.noteControl) ctx.noteControl("journal:new-entry", "+ New entry");
  // (A phone has "A feeling is here" in its top bar on every page: not twice on this one.)
  if (!ctx.compact && ui::QuietButton("A feeling is here", ImVec2(-1, 0))) startFeelingHere();
  ui::TextLine(ctx.platform.textInput(), "journal/search", m_filter.text, -1,
               {.placeholder = "Search your journal", .label = "Search your journal", .kept = false});
  chooseList();   // with the words just typed: "Show everything" below comes with the list it undoes

  int narrowing = (!m_filter.kind.empty()) + (!m_filter.tag.empty()) + (!m_filter.feeling.empty()) +
                  (!m_filter.direction.empty()) + (m_filter.fromMs != 0 || m_filter.toMs != 0);
  char filtersLabel[48];
  std::snprintf(filtersLabel, sizeof filtersLabel, narrowing ? "Filters (%d)###filters" : "Filters###filters", narrowing);
  if (parts::Chip(filtersLabel, m_showFilters)) m_showFilters = !m_showFilters;
  ImGui::SameLine();
  if (parts::Chip("Calendar", m_showCalendar)) m_showCalendar = !m_showCalendar;
  if (ctx.noteControl) ctx.noteControl("journal:calendar", "Calendar");
  // Shown with a narrowed list, not while the first search walks with every entry still listed: the letter
  // typed then changes nothing on the canvas until the entries found are drawn (each changed picture costs
  // the page's main thread a read-back of the canvas where the browser composites in software).
  if (m_showedHits) {
    ImGui::SameLine();
    if (ui::QuietButton("Show everything")) {
      m_filter = JournalFilter{};
      m_calDay = 0;
      chooseList();   // every entry in this very frame
    }
  }
  ImGui::Spacing();
}

void JournalView::drawList(ui::ViewContext& ctx, float width) {
  ImGui::BeginChild("journal-list", ImVec2(width, 0), false, ImGuiWindowFlags_NoScrollbar);
  if (!ctx.compact) drawListHeader(ctx);
  ImGui::BeginChild("journal-rows", ImVec2(0, 0), false);
  // On a phone the heading, the search and the chips scroll away with the entries (held above them, they
  // left room for one or two rows, none at a larger text size); the filters and the calendar scroll with
  // the entries everywhere, so the list never shrinks to nothing.
  if (ctx.compact) drawListHeader(ctx);
  const bool filtering = m_showedHits, looking = m_showedLooking;   // (chooseList, in the header)
  const auto& ids = m_model.ordered();
  const size_t count = filtering ? (looking ? 0 : m_hits.size()) : ids.size();
  if (m_showFilters) drawFilters(ctx);
  if (m_showCalendar) drawCalendar(ctx);
  if (ctx.compact && !filtering) {
    // A phone shows the list alone, so "On this day" (beside it on a wide screen) comes first here.
    drawOnThisDay(ctx);
  }
  if (filtering) {
    // How many were found, shown above them, and said (the live region) each time it changes while searching.
    const std::string found = looking ? std::string("Looking through your entries...")
                              : count == 0   ? std::string("Nothing here matches. Try fewer words or fewer filters.")
                                             : core::countOf(count, "entry") + " found";
    ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().muted);
    ImGui::TextWrapped("%s", found.c_str());
    ImGui::PopStyleColor();
    ui::a11y::paragraph(found.c_str());
    if (found != m_foundSaid) ui::a11y::announce(found);
    m_foundSaid = found;
  } else {
    m_foundSaid.clear();
    if (count == 0) {
      ui::MutedText("This is your journal. When a feeling arrives, or something happens that you want "
                    "to remember, you can write it here. Nothing leaves this device.");
    }
  }
  const float rowH = ImGui::GetTextLineHeight() * 2 + 4 + ImGui::GetStyle().FramePadding.y * (ctx.compact ? 3.0f : 2.0f);
  ImGuiListClipper clipper;
  clipper.Begin(int(count), rowH + ImGui::GetStyle().ItemSpacing.y);
  ui::a11y::beginList("Entries");
  // A row clicked is opened after the rows are drawn: opening leaves the entry open before, and a blank new one
  // is then forgotten, which moves every id after it in the list being walked here.
  std::string clicked;
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const std::string& id = filtering ? m_hits[size_t(i)] : ids[size_t(i)];
      const JournalEntry* e = m_model.find(id);
      if (!e) continue;
      const bool isOpen = id == m_openId;
      const JournalEntry& shownEntry = isOpen ? m_draft : *e;
      ImGui::PushID(id.c_str());
      const ImVec2 pos = ImGui::GetCursorScreenPos();
      if (ImGui::Selectable("##row", isOpen, 0, ImVec2(0, rowH))) clicked = id;
      if (ctx.noteControl) ctx.noteControl("journal:entry:" + id, "Entry");
      ImDrawList* draw = ImGui::GetWindowDrawList();
      const float pad = ImGui::GetStyle().FramePadding.x;
      const std::string title = describeEntry(shownEntry);
      const float lineH = ImGui::GetTextLineHeight();
      const float top = pos.y + (rowH - 2 * lineH - 4) * 0.5f;
      const float right = pos.x + ImGui::GetContentRegionAvail().x;
      draw->PushClipRect(pos, ImVec2(right - pad, pos.y + rowH), true);
      ui::RowLine(draw, ImVec2(pos.x + pad, top), right - pad, ImGui::GetColorU32(ImGuiCol_Text), title);
      std::string meta = core::formatShortWhen(shownEntry.timeMs, ctx.nowMs);
      // The kind, unless the title is already the kind's name (an entry with no words yet).
      const bool kindSaid = shownEntry.kind != "free" && title != labelOf(entryKinds(), shownEntry.kind);
      if (kindSaid) meta += "  \xC2\xB7  " + labelOf(entryKinds(), shownEntry.kind);
      if (shownEntry.kind == "fork" && !shownEntry.fork.direction.empty()) {
        // "A fork in the road (toward it)"; after the time alone, a part of its own ("17:26 (toward it)" read oddly).
        const std::string way = core::foldForSearch(labelOf(directions(), shownEntry.fork.direction));
        meta += kindSaid ? " (" + way + ")" : "  \xC2\xB7  " + way;
      }
      if (shownEntry.bringToSession) meta += "  \xC2\xB7  for my next session";
      // Found because asked for: a "do not resurface" entry says so (it never comes up by itself).
      if (filtering && shownEntry.doNotResurface) meta += "  \xC2\xB7  kept from resurfacing";
      ui::RowLine(draw, ImVec2(pos.x + pad, top + lineH + 4), right - pad, ImGui::GetColorU32(ui::palette().muted), meta);
      ui::a11y::name((title + ", " + meta).c_str()), ui::a11y::selected(isOpen), ui::a11y::listItem();
      draw->PopClipRect();
      ImGui::PopID();
    }
  }
  ui::a11y::endList();
  if (!clicked.empty()) {
    open(clicked);
    m_showEditorOnPhone = true;
  }
  ui::TouchScroll();
  ImGui::EndChild();
  ImGui::EndChild();
}

void JournalView::drawFilters(ui::ViewContext& ctx) {
  (void)ctx;
  auto combo = [](const char* label, std::string& value, const std::vector<std::pair<std::string, std::string>>& options) {
    std::string shown = "any";
    for (const auto& [v, l] : options) {
      if (v == value) shown = l;
    }
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.62f);
    if (ImGui::BeginCombo(label, shown.c_str())) {
      if (ImGui::Selectable("any", value.empty())) value.clear();
      for (const auto& [v, l] : options) {
        if (ImGui::Selectable(l.c_str(), v == value)) value = v;
      }
      ImGui::EndCombo();
    }
  };
  std::vector<std::pair<std::string, std::string>> kinds, dirs, tags, feelings;
  for (const auto& k : entryKinds()) kinds.emplace_back(k.value, k.label);
  for (const auto& d : directions()) dirs.emplace_back(d.value, d.label);
  for (const auto& t : m_model.allTags()) tags.emplace_back(t, t);
  for (const auto& f : m_model.usedFeelings()) feelings.emplace_back(f, f);
  combo("Kind", m_filter.kind, kinds);
  combo("Tag", m_filter.tag, tags);
  combo("Feeling", m_filter.feeling, feelings);
  combo("Which way", m_filter.direction, dirs);
  if (m_filter.fromMs || m_filter.toMs) {
    // One day (a day picked in the calendar) is said as that day, not "from it to it".
    const bool oneDay = m_filter.toMs && core::localDay(m_filter.fromMs) == core::localDay(m_filter.toMs - 1);
    std::string range = (oneDay ? "On " : "From ") + core::formatLongDate(m_filter.fromMs);
    if (m_filter.toMs && !oneDay) range += " to " + core::formatLongDate(m_filter.toMs - 1);
    ui::MutedText(range.c_str());
    if (ui::QuietButton("Any date")) {
      m_filter.fromMs = m_filter.toMs = 0;
      m_calDay = 0;
    }
  }
}

void JournalView::drawCalendar(ui::ViewContext& ctx) {
  if (m_calYear == 0) {
    const LocalDate today = localDateOf(ctx.nowMs);
    m_calYear = today.year;
    m_calMonth = today.month;
  }
  const ui::Palette& p = ui::palette();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float cell = std::floor(avail / 7.0f);
  const bool prev = ImGui::ArrowButton("##prev-month", ImGuiDir_Left);
  ui::a11y::name("Previous month");   // an arrow shows no words: a screen reader hears these
  if (prev) {
    if (--m_calMonth < 1) { m_calMonth = 12; --m_calYear; }
  }
  ImGui::SameLine();
  char title[48];
  std::snprintf(title, sizeof title, "%s %d", core::monthName(uint32_t(m_calMonth)), m_calYear);
  const float titleW = ImGui::CalcTextSize(title).x;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail - titleW) * 0.5f - ImGui::GetFrameHeight() * 1.5f));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(title);
  ui::a11y::heading(title, 3);
  ImGui::SameLine();
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMin().x + avail - ImGui::GetFrameHeight()));
  const bool next = ImGui::ArrowButton("##next-month", ImGuiDir_Right);
  ui::a11y::name("Next month");
  if (next) {
    if (++m_calMonth > 12) { m_calMonth = 1; ++m_calYear; }
  }
  const auto counts = m_model.entriesByDay(m_calYear, m_calMonth);
  const LocalDate today = localDateOf(ctx.nowMs);
  // Weeks start on the day chosen in Settings.
  const bool sundayFirst = m_model.settings().weekStart == "sunday";
  const char* weekdays[] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
  const char* weekdaysSunday[] = {"Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"};
  const char* const* shownDays = sundayFirst ? weekdaysSunday : weekdays;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float rowH = ImGui::GetTextLineHeight() * 1.7f;
  for (int i = 0; i < 7; ++i) {
    const ImVec2 sz = ImGui::CalcTextSize(shownDays[i]);
    draw->AddText(ImVec2(origin.x + cell * float(i) + (cell - sz.x) * 0.5f, origin.y), ImGui::GetColorU32(p.muted), shownDays[i]);
  }
  const int first = (firstWeekdayMonday0(m_calYear, m_calMonth) + (sundayFirst ? 1 : 0)) % 7;
  const int days = daysInMonth(m_calYear, m_calMonth);
  const int rows = (first + days + 6) / 7;
  for (int d = 1; d <= days; ++d) {
    const int slot = first + d - 1;
    const ImVec2 cellPos(origin.x + cell * float(slot % 7), origin.y + rowH * float(1 + slot / 7));
    ImGui::SetCursorScreenPos(cellPos);
    ImGui::PushID(d);
    const bool picked = m_calDay == d && m_filter.fromMs == localDayStartMs(m_calYear, m_calMonth, d);
    if (ImGui::InvisibleButton("##day", ImVec2(cell, rowH))) {
      if (picked) {
        m_calDay = 0;
        m_filter.fromMs = m_filter.toMs = 0;
      } else {
        m_calDay = d;
        m_filter.fromMs = localDayStartMs(m_calYear, m_calMonth, d);
        m_filter.toMs = localDayStartMs(m_calYear, m_calMonth, d + 1);
      }
    }
    const bool hovered = ImGui::IsItemHovered();
    // The day as a screen reader hears it: "Tuesday 15 June 2027, 2 entries" (drawn by hand, it has no label).
    const uint32_t n = counts[size_t(d)];
    const std::string dayName = core::formatLongDate(localDayStartMs(m_calYear, m_calMonth, d) + 12 * 3600 * 1000LL) +
                                (n == 0 ? "" : ", " + core::countOf(n, "entry"));
    ui::a11y::name(dayName.c_str());
    ui::a11y::selected(picked);
    if (ctx.noteControl) ctx.noteControl("journal:day:" + std::to_string(d), std::to_string(d));
    ImGui::PopID();
    const ImVec2 c(cellPos.x + cell * 0.5f, cellPos.y + rowH * 0.45f);
    const float r = std::min(cell, rowH) * 0.46f;
    if (picked) draw->AddCircleFilled(c, r, ImGui::GetColorU32(p.accentSoft));
    else if (hovered) draw->AddCircleFilled(c, r, ImGui::GetColorU32(p.surfaceHover));
    if (today.year == m_calYear && today.month == m_calMonth && today.day == d) draw->AddCircle(c, r, ImGui::GetColorU32(p.border));
    char num[4];
    std::snprintf(num, sizeof num, "%d", d);
    const ImVec2 sz = ImGui::CalcTextSize(num);
    draw->AddText(ImVec2(c.x - sz.x * 0.5f, c.y - sz.y * 0.55f), ImGui::GetColorU32(p.text), num);
    // Days with entries get a small dot; empty days get nothing at all.
    if (counts[size_t(d)] > 0) draw->AddCircleFilled(ImVec2(c.x, c.y + sz.y * 0.55f), 2.2f, ImGui::GetColorU32(p.accent));
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + rowH * float(rows + 1)));
  ImGui::Dummy(ImVec2(avail, 1));
}

}  // namespace toward::journal
