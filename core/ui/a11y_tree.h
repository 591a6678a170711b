// core/ui/a11y_tree.h: the semantics tree of one drawn frame, for screen readers and tests by role.
// Plain C++ (no ImGui), so it is tested natively: core/ui/a11y.cpp feeds it from Dear ImGui's item
// hooks (ItemAdd gives an id and a rectangle, ItemInfo the label and flags) and from the annotations
// widgets make (core/ui/a11y.h); web/glue/a11y.js mirrors its JSON as hidden DOM elements over the canvas.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace toward::ui::a11y {

// What a node is to assistive technology (ARIA roles).
enum class Role : uint8_t {
  None, Button, Link, Tab, TabList, Checkbox, Radio, Switch, Slider, TextBox, Heading, Paragraph, Status,
  List, ListItem, Dialog, Group, Table, Image, ProgressBar, RadioGroup
};
// The ARIA name of a role ("button", "tab", ...); "" for None.
const char* roleName(Role role);

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
};

// What ImGui's ItemInfo hook says about an item (ImGuiItemStatusFlags, translated).
struct ItemFlags {
  bool checkable = false, checked = false, openable = false, opened = false, inputable = false;
};

struct Node {
  uint32_t id = 0;      // ImGui's item id; text and groups get one made from their words
  uint32_t parent = 0;  // the group (list, tab list, dialog) it is in; 0 at the top
  Role role = Role::None;
  std::string name;     // the accessible name: the visible label without its "##" part, or an annotation
  std::string value;    // a slider's value as words
  std::string description;  // a hint read after the name (what hovering shows)
  Rect rect;            // CSS pixels, as drawn
  int level = 0;        // a heading's level (1..6)
  bool checkable = false, checked = false, expandable = false, expanded = false;
  bool selectable = false, selected = false, disabled = false, cancel = false;
  bool listItem = false;  // a row of its list (the page wraps it in a listitem)
  bool ranged = false;    // a slider or a progress bar: its number and range (a slider's value holds the words said)
  int now = 0, lo = 0, hi = 0;
  uint32_t window = 0;    // the ImGui window it was drawn in (TreeBuilder::inWindow)
  int scroll = 0;         // a "Show more" button of `window`: +1 shows what is below, -1 what is above
};

// A window that scrolls, with some of what it holds out of view (core/ui/a11y.cpp finds them).
struct ScrolledWindow {
  uint32_t id = 0;
  bool above = false, below = false;  // there is more above / below the part on screen
  Rect top, bottom;                   // where the "Show more" buttons stand (thin strips at its edges)
};

// The visible part of an ImGui label: "Save##entry" -> "Save", "Title###id" -> "Title".
std::string visibleLabel(std::string_view label);
// FNV-1a, for ids of text and groups (seed: the group or window it is in).
uint32_t hashWords(std::string_view words, uint32_t seed);

// Whether a node is handed to the page at all (an unnamed control says nothing useful; groups may be unnamed).
bool exposed(const Node& node);
// One node as JSON ({"i":id,"p":parent,"r":role,"n":name,"x":..,...}), appended to `out`.
void appendNodeJson(std::string& out, const Node& node);

// Collects one frame's nodes in the order they are submitted (top to bottom, as drawn).
class TreeBuilder {
 public:
  // Starts a frame: forgets the last frame's nodes (status words are remembered, see status()).
  void beginFrame();
  // ItemAdd hook: item `id` at `rect`; `visible` false when it is scrolled or clipped away.
  void itemAdd(uint32_t id, Rect rect, bool visible, bool disabled);
  // ItemInfo hook: the label and flags of the item added last with this id. Makes its node.
  void itemInfo(uint32_t id, std::string_view label, ItemFlags flags);
  // The node of item `id` made this frame, or nullptr (annotations change it).
  Node* find(uint32_t id);
  bool has(uint32_t id) const { return m_index.count(id) != 0; }
  // Static text (no ImGui id): a paragraph, a heading of `level`, or the status line.
  void text(Role role, std::string_view words, Rect rect, int level = 0);
  // A status line under `key`: announced (see takeAnnouncements) when its words differ from the words
  // last said under `key`; words with `say` false (in passing, "Saving...") are neither said nor remembered,
  // so "Saved" after "Saving..." after "Saved" is not said again.
  void status(std::string_view key, std::string_view words, Rect rect, bool say = true);
  // A progress bar (no ImGui id): named `name`, `percent` (0..100) of the way along.
  void progress(std::string_view name, int percent, Rect rect);
  // A chart's text alternative: a table named `summary` with rows of tab-separated cells (the first row
  // heads the columns) in its value.
  void table(std::string_view summary, std::string_view rows, Rect rect);
  // A group (list, tab list, dialog) holding the nodes made until endGroup().
  void beginGroup(Role role, std::string_view name, uint32_t id);
  void endGroup();
  // Words for the polite live region, said once.
  void announce(std::string_view words);
  std::vector<std::string> takeAnnouncements();
  // The nodes made from now on were drawn in ImGui window `id`.
  void inWindow(uint32_t id) { m_window = id; }
  // Ends the frame (groups left open are closed).
  void endFrame();
  // After endFrame: for each window with more than is on screen, a "Show more above" button before the
  // first node drawn in it (or in a window inside it: `inside(nodeWindow, window)`) and a "Show more
  // below" button after the last. The mirror holds only what is drawn; a screen reader's reading cursor
  // (which moves no focus, so reveals nothing) reaches the rest through them (a11y::requestActivate).
  // A button goes in the group its neighbour is in, or the one around a list (a list holds only items).
  template <typename Inside>
  void addShowMore(const std::vector<ScrolledWindow>& windows, Inside inside);

  const std::vector<Node>& nodes() const { return m_nodes; }
  // The tree as JSON: {"f":focusId,"n":[{"i":id,"p":parent,"r":role,"n":name,...}]}. Rectangles in
  // whole CSS pixels; states only when set ("c" checked, "e" expanded, "s" selected, "d" disabled).
  std::string toJson(uint32_t focusId) const;

 private:
  uint32_t currentGroup() const { return m_groups.empty() ? 0 : m_groups.back(); }
  uint32_t uniqueId(uint32_t id);
  std::vector<Node> m_nodes;
  std::unordered_map<uint32_t, size_t> m_index;  // id -> position in m_nodes
  std::vector<uint32_t> m_groups;                // open groups, innermost last
  struct Insert {
    size_t before;  // the node it goes before (m_nodes.size(): at the end)
    Node node;
  };
  void insertAll(std::vector<Insert> inserts);
  Node showMore(const ScrolledWindow& w, const Node& neighbour, int direction);
  uint32_t m_window = 0;                         // inWindow
  uint32_t m_addedId = 0;                        // the last ItemAdd
  Rect m_addedRect;
  bool m_addedVisible = false, m_addedDisabled = false;
  std::unordered_map<std::string, std::string> m_statusWords;  // key -> last words
  std::vector<std::string> m_announce;
};

template <typename Inside>
void TreeBuilder::addShowMore(const std::vector<ScrolledWindow>& windows, Inside inside) {
  std::vector<Insert> inserts;
  for (const ScrolledWindow& w : windows) {
    size_t first = m_nodes.size(), last = m_nodes.size();
    for (size_t i = 0; i < m_nodes.size(); ++i) {
      if (!inside(m_nodes[i].window, w.id)) continue;
      if (first == m_nodes.size()) first = i;
      last = i;
    }
    if (first == m_nodes.size()) continue;
    if (w.above) inserts.push_back({first, showMore(w, m_nodes[first], -1)});
    if (w.below) inserts.push_back({last + 1, showMore(w, m_nodes[last], +1)});
  }
  if (!inserts.empty()) insertAll(std::move(inserts));
}

}  // namespace toward::ui::a11y
