// core/ui/a11y_delta.h: what the page's mirror (web/glue/a11y.js) needs to hear about a new semantics tree,
// and no more. A frame that scrolls a list moves every row but changes no words: sending the whole tree
// again cost more than the rest of the frame. The writer remembers what it handed over last (a hash of
// each node's words and states, its rectangle, the order) and writes only the difference as JSON:
//   {"f":focus,            ImGui's keyboard focus (always)
//    "o":[id,...],         every node in order, only when the set or order of nodes changed
//    "u":[{node},...],     whole nodes (as TreeBuilder::toJson writes them) that are new or changed
//    "m":[id,x,y,w,h,...]} nodes that only moved or resized, in whole CSS pixels
// Plain C++, tested natively (tests/core/a11y_tree_test.cpp).
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/ui/a11y_tree.h"

namespace toward::ui::a11y {

class DeltaWriter {
 public:
  // The change from the tree handed over last to `tree`, or "" when there is none.
  std::string next(const TreeBuilder& tree, uint32_t focusId);
  // The page forgot its mirror (or the tree was turned off): the next delta carries everything.
  void reset();

 private:
  struct Sent {
    uint64_t content = 0;  // hash of role, parent, name, value, level and states
    int x = 0, y = 0, w = 0, h = 0;
    bool seen = false;     // in the tree being written (marks nodes that went away)
  };
  std::unordered_map<uint32_t, Sent> m_sent;
  std::vector<uint32_t> m_order;
  std::vector<uint32_t> m_scratch;
  uint32_t m_focus = 0;
  bool m_any = false;  // something was handed over since the last reset
};

}  // namespace toward::ui::a11y
