// core/ui/a11y_delta.cpp: see a11y_delta.h.
#include "core/ui/a11y_delta.h"

#include <cmath>

namespace toward::ui::a11y {
namespace {

uint64_t mix(uint64_t h, const void* data, size_t size) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (size_t k = 0; k < size; ++k) h = (h ^ p[k]) * 1099511628211ull;
  return h;
}

uint64_t contentHash(const Node& n) {
  uint64_t h = 1469598103934665603ull;
  const uint32_t flags = uint32_t(n.role) | uint32_t(n.level) << 8 | uint32_t(n.checkable) << 12 |
                         uint32_t(n.checked) << 13 | uint32_t(n.expandable) << 14 | uint32_t(n.expanded) << 15 |
                         uint32_t(n.selectable) << 16 | uint32_t(n.selected) << 17 | uint32_t(n.disabled) << 18 |
                         uint32_t(n.cancel) << 19 | uint32_t(n.listItem) << 20 |
                         uint32_t(n.scroll > 0) << 21 | uint32_t(n.scroll < 0) << 22;
  h = mix(h, &flags, sizeof flags);
  h = mix(h, &n.parent, sizeof n.parent);
  const int range[4] = {n.ranged, n.now, n.lo, n.hi};
  h = mix(h, range, sizeof range);
  h = mix(h, n.name.data(), n.name.size());
  h = mix(h, "\x1f", 1);
  h = mix(h, n.value.data(), n.value.size());
  h = mix(h, "\x1f", 1);
  return mix(h, n.description.data(), n.description.size());
}

void appendInt(std::string& out, long long v) { out += std::to_string(v); }

}  // namespace

std::string DeltaWriter::next(const TreeBuilder& tree, uint32_t focusId) {
  std::string updates, moves;
  m_scratch.clear();
  for (auto& entry : m_sent) entry.second.seen = false;
  for (const Node& n : tree.nodes()) {
    if (!exposed(n)) continue;
    m_scratch.push_back(n.id);
    const uint64_t content = contentHash(n);
    const int x = int(std::lround(n.rect.x)), y = int(std::lround(n.rect.y));
    const int w = int(std::lround(n.rect.w)), h = int(std::lround(n.rect.h));
    auto [it, fresh] = m_sent.try_emplace(n.id);
    Sent& s = it->second;
    s.seen = true;
    if (fresh || s.content != content) {
      if (!updates.empty()) updates += ',';
      appendNodeJson(updates, n);
    } else if (s.x != x || s.y != y || s.w != w || s.h != h) {
      if (!moves.empty()) moves += ',';
      appendInt(moves, n.id);
      for (const int v : {x, y, w, h}) {
        moves += ',';
        appendInt(moves, v);
      }
    }
    s.content = content;
    s.x = x, s.y = y, s.w = w, s.h = h;
  }
  for (auto it = m_sent.begin(); it != m_sent.end();) it = it->second.seen ? std::next(it) : m_sent.erase(it);
  const bool reordered = !m_any || m_scratch != m_order;
  const uint32_t focus = tree.has(focusId) ? focusId : 0;
  if (!reordered && updates.empty() && moves.empty() && focus == m_focus && m_any) return {};
  m_any = true;
  m_focus = focus;
  std::string out = "{\"f\":" + std::to_string(focus);
  if (reordered) {
    m_order.swap(m_scratch);
    out += ",\"o\":[";
    for (size_t k = 0; k < m_order.size(); ++k) {
      if (k) out += ',';
      appendInt(out, m_order[k]);
    }
    out += ']';
  }
  if (!updates.empty()) out += ",\"u\":[" + updates + ']';
  if (!moves.empty()) out += ",\"m\":[" + moves + ']';
  out += '}';
  return out;
}

void DeltaWriter::reset() {
  m_sent.clear();
  m_order.clear();
  m_focus = 0;
  m_any = false;
}

}  // namespace toward::ui::a11y
