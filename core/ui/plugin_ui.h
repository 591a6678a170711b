// core/ui/plugin_ui.h: the web-only half of a plugin's entry in the one table (plugins/plugin_table.h):
// how it makes its page, and the quick actions the shell offers from every page ("A feeling is here",
// "Write to my therapist"). The shell draws the navigation and the actions; a press opens the plugin's
// page and hands the action's id to its view (View::runAction).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/plugin.h"
#include "core/ui/view.h"

namespace toward::core { class RecordStore; }

namespace toward::ui {

// What a plugin's page may be built from.
struct PageDeps {
  core::RecordStore& store;
  core::Registry& registry;
  core::Platform& platform;
  core::PluginModel* model;   // the plugin's own model (PluginSpec::makeModel), or null when it has none
};

// Where a quick action sits on a phone (the desktop shows every action under the navigation).
enum class PhonePlace { TopBar, MoreMenu };

struct QuickAction {
  std::string id;       // handed to View::runAction, e.g. "feeling"
  std::string label;    // the button, e.g. "A feeling is here"
  std::string hint;     // a tooltip on the desktop, or "" for none
  PhonePlace phone = PhonePlace::TopBar;
  // Also under the navigation on a desktop; false when the plugin's own navigation item is already one
  // press away on every page there (the safety plan), so the menu still fits a laptop's height.
  bool desktop = true;
  // Shorter words for a phone's top bar, e.g. "My plan" ("" = label).
  std::string phoneLabel;
};

// What a plugin may show while Toward is locked (the unlock screen) or covered (quick hide), without
// unlocking: only what the store lets a locked app read (core::RecordStore::readWhileLocked), never from
// the models, which hold nothing then. The safety plan, when the person chose to keep it readable.
class LockedPage {
 public:
  virtual ~LockedPage() = default;
  // Reads again what may be shown (the shell calls it when it locks or covers).
  virtual void refresh() = 0;
  // The button that opens it on the unlock screen and the cover, e.g. "My safety plan"; "" for none now.
  virtual std::string offer() const = 0;
  // Draws it, read-only, into the current window.
  virtual void draw(ViewContext& ctx) = 0;
};

// A care choice: an action id for View::runAction and the button's words.
struct CareAction {
  std::string id;
  std::string label;
};

struct PluginUiSpec {
  std::string pluginId;                                     // the PluginSpec this belongs to
  std::unique_ptr<View> (*makePage)(const PageDeps& deps) = nullptr;
  std::vector<QuickAction> actions;
  // What it offers when something is too much, and in the check-in after a hard moment ("Ground with my
  // texture box"); handed to View::runAction like the quick actions.
  std::vector<CareAction> careChoices;
  // Its page while locked or covered (see LockedPage), or null when it has none.
  std::unique_ptr<LockedPage> (*makeLockedPage)(core::RecordStore& store, core::Platform& platform) = nullptr;
};

}  // namespace toward::ui
