// core/ui/a11y_tree.cpp: see a11y_tree.h.
#include "core/ui/a11y_tree.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace toward::ui::a11y {
namespace {

void appendJsonString(std::string& out, std::string_view s) {
  out += '"';
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void appendNumber(std::string& out, const char* key, long long v) {
  out += ",\"";
  out += key;
  out += "\":";
  out += std::to_string(v);
}

}  // namespace

const char* roleName(Role role) {
  switch (role) {
    case Role::None: return "";
    case Role::Button: return "button";
    case Role::Link: return "link";
    case Role::Tab: return "tab";
    case Role::TabList: return "tablist";
    case Role::Checkbox: return "checkbox";
    case Role::Radio: return "radio";
    case Role::Switch: return "switch";
    case Role::Slider: return "slider";
    case Role::TextBox: return "textbox";
    case Role::Heading: return "heading";
    case Role::Paragraph: return "paragraph";
    case Role::Status: return "status";
    case Role::List: return "list";
    case Role::ListItem: return "listitem";
    case Role::Dialog: return "dialog";
    case Role::Group: return "group";
    case Role::RadioGroup: return "radiogroup";
    case Role::Table: return "table";
    case Role::Image: return "img";
    case Role::ProgressBar: return "progressbar";
  }
  return "";
}

std::string visibleLabel(std::string_view label) {
  const size_t hashes = label.find("##");
  std::string_view shown = hashes == std::string_view::npos ? label : label.substr(0, hashes);
  while (!shown.empty() && (shown.back() == ' ' || shown.back() == '\n')) shown.remove_suffix(1);
  while (!shown.empty() && (shown.front() == ' ' || shown.front() == '\n')) shown.remove_prefix(1);
  return std::string(shown);
}

uint32_t hashWords(std::string_view words, uint32_t seed) {
  uint32_t h = 2166136261u ^ seed;
  for (const char c : words) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h == 0 ? 1 : h;
}

void TreeBuilder::beginFrame() {
  m_nodes.clear();
  m_index.clear();
  m_groups.clear();
  m_addedId = 0;
  m_window = 0;
}

void TreeBuilder::itemAdd(uint32_t id, Rect rect, bool visible, bool disabled) {
  m_addedId = id;
  m_addedRect = rect;
  m_addedVisible = visible;
  m_addedDisabled = disabled;
}

void TreeBuilder::itemInfo(uint32_t id, std::string_view label, ItemFlags flags) {
  if (id == 0 || id != m_addedId || !m_addedVisible) return;
  if (m_index.count(id)) return;  // the same item told twice (a widget made of widgets)
  Node node;
  node.id = id;
  node.parent = currentGroup();
  node.rect = m_addedRect;
  node.disabled = m_addedDisabled;
  node.name = visibleLabel(label);
  node.checkable = flags.checkable;
  node.checked = flags.checked;
  node.expandable = flags.openable;
  node.expanded = flags.opened;
  node.role = flags.checkable ? Role::Checkbox : flags.inputable ? Role::Slider : Role::Button;
  node.window = m_window;
  m_index[id] = m_nodes.size();
  m_nodes.push_back(std::move(node));
}

Node* TreeBuilder::find(uint32_t id) {
  const auto it = m_index.find(id);
  return it == m_index.end() ? nullptr : &m_nodes[it->second];
}

uint32_t TreeBuilder::uniqueId(uint32_t id) {
  while (id == 0 || m_index.count(id)) id = id * 2654435761u + 1;
  return id;
}

void TreeBuilder::text(Role role, std::string_view words, Rect rect, int level) {
  const std::string shown = visibleLabel(words);
  if (shown.empty()) return;
  Node node;
  node.id = uniqueId(hashWords(shown, currentGroup() + uint32_t(role)));
  node.parent = currentGroup();
  node.role = role;
  node.name = shown;
  node.rect = rect;
  node.level = role == Role::Heading ? std::clamp(level, 1, 6) : 0;
  node.window = m_window;
  m_index[node.id] = m_nodes.size();
  m_nodes.push_back(std::move(node));
}

void TreeBuilder::progress(std::string_view name, int percent, Rect rect) {
  Node node;
  node.id = uniqueId(hashWords(name, currentGroup() + uint32_t(Role::ProgressBar)));
  node.parent = currentGroup();
  node.role = Role::ProgressBar;
  node.name = std::string(name);
  node.rect = rect;
  node.ranged = true;
  node.now = std::clamp(percent, 0, 100);
  node.lo = 0;
  node.hi = 100;
  node.window = m_window;
  m_index[node.id] = m_nodes.size();
  m_nodes.push_back(std::move(node));
}

void TreeBuilder::status(std::string_view key, std::string_view words, Rect rect, bool say) {
  // Said when the words differ from the last said under this key; the first said are where it starts
  // (not said), and words in passing are skipped: "Saved" after each autosave's "Saving..." is not said
  // again and again while someone types, only after "Not stored yet".
  const auto it = m_statusWords.find(std::string(key));
  if (it == m_statusWords.end()) {
    if (say) m_statusWords.emplace(std::string(key), std::string(words));
  } else if (say && it->second != words) {
    it->second = std::string(words);
    announce(words);
  }
  Node node;
  node.id = uniqueId(hashWords(key, 0x5747u));
  node.parent = currentGroup();
  node.role = Role::Status;
  node.name = std::string(words);
  node.rect = rect;
  node.window = m_window;
  m_index[node.id] = m_nodes.size();
  m_nodes.push_back(std::move(node));
}

void TreeBuilder::table(std::string_view summary, std::string_view rows, Rect rect) {
  text(Role::Table, summary, rect);
  if (!m_nodes.empty() && m_nodes.back().role == Role::Table) m_nodes.back().value = std::string(rows);
}

void TreeBuilder::beginGroup(Role role, std::string_view name, uint32_t id) {
  Node node;
  node.id = uniqueId(id);
  node.parent = currentGroup();
  node.role = role;
  node.name = std::string(name);
  node.window = m_window;
  m_index[node.id] = m_nodes.size();
  m_groups.push_back(node.id);
  m_nodes.push_back(std::move(node));
}

void TreeBuilder::endGroup() {
  if (m_groups.empty()) return;
  const uint32_t group = m_groups.back();
  m_groups.pop_back();
  // The group covers what it holds (nested groups were closed first, so their rectangles are known).
  Node* g = find(group);
  float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
  for (const Node& n : m_nodes) {
    if (n.parent != group || n.rect.w <= 0) continue;
    x0 = std::min(x0, n.rect.x);
    y0 = std::min(y0, n.rect.y);
    x1 = std::max(x1, n.rect.x + n.rect.w);
    y1 = std::max(y1, n.rect.y + n.rect.h);
  }
  if (g && x1 > x0) g->rect = Rect{x0, y0, x1 - x0, y1 - y0};
}

void TreeBuilder::announce(std::string_view words) {
  if (words.empty()) return;
  if (std::find(m_announce.begin(), m_announce.end(), words) == m_announce.end()) m_announce.emplace_back(words);
}

std::vector<std::string> TreeBuilder::takeAnnouncements() {
  std::vector<std::string> out;
  out.swap(m_announce);
  return out;
}

void TreeBuilder::endFrame() {
  while (!m_groups.empty()) endGroup();
}

Node TreeBuilder::showMore(const ScrolledWindow& w, const Node& neighbour, int direction) {
  Node node;
  node.id = uniqueId(hashWords(direction > 0 ? "show more below" : "show more above", w.id));
  node.parent = neighbour.parent;
  for (const Node* g = find(node.parent); g && (g->role == Role::List || g->role == Role::TabList); g = find(g->parent)) {
    node.parent = g->parent;
  }
  node.role = Role::Button;
  node.name = direction > 0 ? "Show more below" : "Show more above";
  node.rect = direction > 0 ? w.bottom : w.top;
  node.window = w.id;
  node.scroll = direction;
  return node;
}

void TreeBuilder::insertAll(std::vector<Insert> inserts) {
  // In place order: by position; at one position in the order asked (a window's "below" before the
  // next one's "above").
  std::stable_sort(inserts.begin(), inserts.end(), [](const Insert& a, const Insert& b) { return a.before < b.before; });
  std::vector<Node> nodes;
  nodes.reserve(m_nodes.size() + inserts.size());
  size_t next = 0;
  for (size_t i = 0; i <= m_nodes.size(); ++i) {
    while (next < inserts.size() && inserts[next].before == i) nodes.push_back(std::move(inserts[next++].node));
    if (i < m_nodes.size()) nodes.push_back(std::move(m_nodes[i]));
  }
  m_nodes = std::move(nodes);
  m_index.clear();
  for (size_t i = 0; i < m_nodes.size(); ++i) m_index[m_nodes[i].id] = i;
}

bool exposed(const Node& n) {
  if (n.role == Role::None) return false;
  const bool group = n.role == Role::List || n.role == Role::TabList || n.role == Role::Dialog || n.role == Role::Group ||
                     n.role == Role::RadioGroup;
  // A text box is named by its DOM field; its node keeps the field's place in the order (value: its key).
  return group || n.role == Role::TextBox || !n.name.empty();
}

void appendNodeJson(std::string& out, const Node& n) {
  out += "{\"i\":";
  out += std::to_string(n.id);
  if (n.parent) appendNumber(out, "p", n.parent);
  out += ",\"r\":\"";
  out += roleName(n.role);
  out += "\",\"n\":";
  appendJsonString(out, n.name);
  appendNumber(out, "x", std::lround(n.rect.x));
  appendNumber(out, "y", std::lround(n.rect.y));
  appendNumber(out, "w", std::lround(n.rect.w));
  appendNumber(out, "h", std::lround(n.rect.h));
  if (n.level) appendNumber(out, "l", n.level);
  if (!n.value.empty()) {
    out += ",\"v\":";
    appendJsonString(out, n.value);
  }
  if (!n.description.empty()) {
    out += ",\"ds\":";
    appendJsonString(out, n.description);
  }
  if (n.checkable) appendNumber(out, "c", n.checked ? 1 : 0);
  if (n.expandable) appendNumber(out, "e", n.expanded ? 1 : 0);
  if (n.selectable) appendNumber(out, "s", n.selected ? 1 : 0);
  if (n.disabled) appendNumber(out, "d", 1);
  if (n.cancel) appendNumber(out, "k", 1);
  if (n.listItem) appendNumber(out, "li", 1);
  if (n.scroll) appendNumber(out, "sc", n.scroll);
  if (n.ranged) {
    appendNumber(out, "vn", n.now);
    appendNumber(out, "lo", n.lo);
    appendNumber(out, "hi", n.hi);
  }
  out += '}';
}

std::string TreeBuilder::toJson(uint32_t focusId) const {
  std::string out;
  out.reserve(64 + m_nodes.size() * 96);
  out += "{\"f\":";
  out += std::to_string(m_index.count(focusId) ? focusId : 0);
  out += ",\"n\":[";
  bool first = true;
  for (const Node& n : m_nodes) {
    // An unnamed control (an InvisibleButton, an icon nobody named) says nothing useful: left out.
    if (!exposed(n)) continue;
    if (!first) out += ',';
    first = false;
    appendNodeJson(out, n);
  }
  out += "]}";
  return out;
}

}  // namespace toward::ui::a11y
