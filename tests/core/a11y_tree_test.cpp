// tests/core/a11y_tree_test.cpp: the semantics tree built from item hooks and annotations
// (core/ui/a11y_tree.h), without ImGui or a browser: roles, names, states, order and groups.
#include <doctest/doctest.h>

#include <string>

#include "core/ui/a11y_delta.h"
#include "core/ui/a11y_tree.h"

using namespace toward::ui::a11y;

namespace {
// One item as ImGui reports it: ItemAdd, then ItemInfo.
void item(TreeBuilder& tree, uint32_t id, const char* label, ItemFlags flags = {}, bool visible = true, bool disabled = false) {
  tree.itemAdd(id, Rect{10, float(id) * 30, 100, 24}, visible, disabled);
  tree.itemInfo(id, label, flags);
}
}  // namespace

TEST_CASE("[a11y] names are the visible label, without ## or ### parts") {
  CHECK(visibleLabel("Save##entry") == "Save");
  CHECK(visibleLabel("Title###stable") == "Title");
  CHECK(visibleLabel("##field") == "");
  CHECK(visibleLabel("  Open  ") == "Open");
  CHECK(visibleLabel("Plain") == "Plain");
}

TEST_CASE("[a11y] items become nodes in the order they are drawn, with roles and states") {
  TreeBuilder tree;
  tree.beginFrame();
  item(tree, 1, "New entry##new");
  ItemFlags box;
  box.checkable = true;
  box.checked = true;
  item(tree, 2, "Dark theme", box);
  ItemFlags slider;
  slider.inputable = true;
  item(tree, 3, "Text size##size", slider);
  ItemFlags tree_node;
  tree_node.openable = true;
  tree_node.opened = false;
  item(tree, 4, "Older entries", tree_node);
  item(tree, 5, "Delete", {}, true, true);
  item(tree, 6, "Scrolled away", {}, false);
  tree.endFrame();

  const auto& nodes = tree.nodes();
  REQUIRE(nodes.size() == 5);
  CHECK(nodes[0].role == Role::Button);
  CHECK(nodes[0].name == "New entry");
  CHECK(nodes[1].role == Role::Checkbox);
  CHECK(nodes[1].checked);
  CHECK(nodes[2].role == Role::Slider);
  CHECK(nodes[2].name == "Text size");
  CHECK(nodes[3].expandable);
  CHECK_FALSE(nodes[3].expanded);
  CHECK(nodes[4].disabled);
  CHECK(nodes[4].name == "Delete");
}

TEST_CASE("[a11y] annotations set what the hooks cannot tell: tabs, selection, headings, groups") {
  TreeBuilder tree;
  tree.beginFrame();
  tree.text(Role::Heading, "Journal", Rect{0, 0, 200, 30}, 1);
  tree.beginGroup(Role::TabList, "Pages", 77);
  item(tree, 10, "Journal");
  item(tree, 11, "Letters");
  Node* tab = tree.find(10);
  REQUIRE(tab);
  tab->role = Role::Tab;
  tab->selectable = true;
  tab->selected = true;
  tree.find(11)->role = Role::Tab;
  tree.endGroup();
  tree.text(Role::Paragraph, "A quiet page. Choose an entry, or start a new one.", Rect{0, 100, 300, 40});
  tree.endFrame();

  const auto& nodes = tree.nodes();
  REQUIRE(nodes.size() == 5);
  CHECK(nodes[0].role == Role::Heading);
  CHECK(nodes[0].level == 1);
  CHECK(nodes[1].role == Role::TabList);
  CHECK(nodes[2].parent == nodes[1].id);
  CHECK(nodes[3].parent == nodes[1].id);
  CHECK(nodes[4].parent == 0);
  // The group covers its children.
  CHECK(nodes[1].rect.y == doctest::Approx(300));
  CHECK(nodes[1].rect.h == doctest::Approx(30 + 24));

  const std::string json = tree.toJson(10);
  CHECK(json.find("\"f\":10") != std::string::npos);
  CHECK(json.find("\"r\":\"tab\",\"n\":\"Journal\"") != std::string::npos);
  CHECK(json.find("\"s\":1") != std::string::npos);
  CHECK(json.find("\"l\":1") != std::string::npos);
  // A focus on something not in the tree is no focus.
  CHECK(tree.toJson(999).find("\"f\":0") != std::string::npos);
}

TEST_CASE("[a11y] a status line is announced when its words change, once") {
  TreeBuilder tree;
  for (const char* words : {"Saving", "Saving", "Saved", "Saved"}) {
    tree.beginFrame();
    tree.status("save", words, Rect{});
    tree.endFrame();
  }
  const auto said = tree.takeAnnouncements();
  REQUIRE(said.size() == 1);
  CHECK(said[0] == "Saved");
  CHECK(tree.takeAnnouncements().empty());
}

TEST_CASE("[a11y] \"Saved\" is said after a problem, not after each autosave") {
  TreeBuilder tree;
  auto show = [&](const char* words, bool say) {
    tree.beginFrame();
    tree.status("saving", words, Rect{}, say);
    tree.endFrame();
  };
  show("Saved", true);        // where it starts: not said
  show("Saving...", false);   // in passing: never said
  show("Saved", true);        // the same as last said: not said again
  CHECK(tree.takeAnnouncements().empty());
  show("Not stored yet", true);
  show("Saving...", false);
  show("Saved", true);
  const auto said = tree.takeAnnouncements();
  REQUIRE(said.size() == 2);
  CHECK(said[0] == "Not stored yet");
  CHECK(said[1] == "Saved");
}

TEST_CASE("[a11y] JSON escapes words and repeated text keeps distinct ids") {
  TreeBuilder tree;
  tree.beginFrame();
  tree.text(Role::Paragraph, "She said \"hello\"\n", Rect{});
  tree.text(Role::Paragraph, "Same", Rect{});
  tree.text(Role::Paragraph, "Same", Rect{});
  tree.endFrame();
  CHECK(tree.nodes()[1].id != tree.nodes()[2].id);
  CHECK(tree.toJson(0).find("She said \\\"hello\\\"") != std::string::npos);
}

TEST_CASE("[a11y] the page hears only what changed: new nodes whole, moved ones as numbers, order when it changes") {
  TreeBuilder tree;
  DeltaWriter delta;
  const auto frame = [&](float scroll, const char* second) {
    tree.beginFrame();
    tree.itemAdd(1, Rect{0, 10 + scroll, 100, 20}, true, false);
    tree.itemInfo(1, "First", {});
    tree.itemAdd(2, Rect{0, 40 + scroll, 100, 20}, true, false);
    tree.itemInfo(2, second, {});
    tree.endFrame();
    return delta.next(tree, 0);
  };
  const std::string whole = frame(0, "Second");
  CHECK(whole.find("\"o\":[1,2]") != std::string::npos);
  CHECK(whole.find("\"n\":\"First\"") != std::string::npos);
  CHECK(whole.find("\"n\":\"Second\"") != std::string::npos);
  CHECK(frame(0, "Second").empty());  // nothing changed: nothing to say
  const std::string moved = frame(-5, "Second");
  CHECK(moved == "{\"f\":0,\"m\":[1,0,5,100,20,2,0,35,100,20]}");  // no words again, no order
  const std::string renamed = frame(-5, "Second, changed");
  CHECK(renamed.find("\"u\":[{\"i\":2") != std::string::npos);
  CHECK(renamed.find("First") == std::string::npos);
  CHECK(renamed.find("\"o\"") == std::string::npos);
  // A node that goes away changes the order.
  tree.beginFrame();
  tree.itemAdd(2, Rect{0, 35, 100, 20}, true, false);
  tree.itemInfo(2, "Second, changed", {});
  tree.endFrame();
  CHECK(delta.next(tree, 2) == "{\"f\":2,\"o\":[2]}");
  delta.reset();
  CHECK(delta.next(tree, 2).find("\"u\":[{\"i\":2") != std::string::npos);
}

TEST_CASE("[a11y] a progress bar is a progressbar with its name and how far along, and a step along is a change") {
  TreeBuilder tree;
  DeltaWriter delta;
  const auto frame = [&](int percent) {
    tree.beginFrame();
    tree.progress("Bringing your backup in", percent, Rect{10, 20, 300, 12});
    tree.progress("Clamped", 140, Rect{});
    tree.endFrame();
    return delta.next(tree, 0);
  };
  const std::string first = frame(40);
  REQUIRE(tree.nodes().size() == 2);
  const Node& bar = tree.nodes()[0];
  CHECK(bar.role == Role::ProgressBar);
  CHECK(exposed(bar));
  CHECK(tree.nodes()[1].now == 100);
  CHECK(first.find("\"r\":\"progressbar\",\"n\":\"Bringing your backup in\"") != std::string::npos);
  CHECK(first.find("\"vn\":40,\"lo\":0,\"hi\":100") != std::string::npos);
  const std::string next = frame(41);
  CHECK(next.find("\"vn\":41") != std::string::npos);   // the page hears the new number
  CHECK(next.find("Clamped") == std::string::npos);      // and nothing of what did not change
}

TEST_CASE("[a11y] a window with more than is on screen gets \"Show more\" buttons around what it drew") {
  TreeBuilder tree;
  tree.beginFrame();
  tree.inWindow(100);  // the sidebar: all on screen
  item(tree, 1, "Journal");
  tree.inWindow(200);  // the page, which scrolls; 300 is a child inside it
  item(tree, 2, "Warning signs");
  tree.beginGroup(Role::List, "People", 50);
  tree.inWindow(300);
  item(tree, 3, "Ana");
  tree.endGroup();
  tree.inWindow(100);
  item(tree, 4, "Hide");
  tree.endFrame();
  ScrolledWindow page;
  page.id = 200;
  page.above = true;
  page.below = true;
  page.bottom = Rect{0, 798, 900, 2};
  ScrolledWindow sidebar;  // told, but nothing of its own is hidden: no buttons
  sidebar.id = 100;
  tree.addShowMore({page, sidebar}, [](uint32_t id, uint32_t outer) { return id == outer || (id == 300 && outer == 200); });

  const auto& n = tree.nodes();
  REQUIRE(n.size() == 7);
  CHECK(n[0].name == "Journal");
  CHECK(n[1].name == "Show more above");
  CHECK(n[1].scroll == -1);
  CHECK(n[2].name == "Warning signs");
  CHECK(n[4].name == "Ana");
  CHECK(n[5].name == "Show more below");   // after the child's last node: the page holds it
  CHECK(n[5].scroll == 1);
  CHECK(n[5].role == Role::Button);
  CHECK(n[5].parent == 0);                 // not inside the list (a list holds only its items)
  CHECK(n[5].rect.y == 798);
  CHECK(n[6].name == "Hide");
  // Found by id (an activation from the page scrolls its window), and said as a button with "sc".
  REQUIRE(tree.find(n[5].id) != nullptr);
  CHECK(tree.find(n[5].id)->window == 200);
  CHECK(tree.find(n[6].id)->name == "Hide");
  CHECK(tree.toJson(0).find("\"sc\":1") != std::string::npos);
}
