// core/ui/view.h: what a page of the app looks like to the shell. Plugin UI targets implement View
// (made through their entry in the plugin table, core/ui/plugin_ui.h); the app (web/app.cpp) holds one
// list of pages, each with its id and title, so a view does not repeat them. Views get their model by reference and own only
// view state (selection, open flags, the text being typed before it is saved).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/platform/platform.h"

namespace toward::ui {

struct Fonts;

struct ViewContext {
  core::Platform& platform;
  const Fonts& fonts;
  int64_t nowMs = 0;
  bool compact = false;        // phone-sized screen: one column, bigger touch targets
  bool reducedMotion = false;
  bool saved = true;           // every change is durable (the shell's indicator says the same)
  std::function<void()> requestFlush;   // asks for a sync as soon as possible (may be empty)
  // "It's too much right now": opens the shell's calm choice (core/ui/way_out.h). May be empty.
  std::function<void()> wayOut;
  // After a hard moment: offers "How is it now?" once for `moment` (e.g. "journal.entry/<id>"). May be empty.
  std::function<void(const std::string& moment)> checkIn;
  // Runs a shell quick action by its id (e.g. "therapist": a letter that waits), whichever plugin offers
  // it; false when none does. May be empty.
  std::function<bool(const std::string& actionId)> quickAction;
  // Notes where a control was just drawn (the last ImGui item), by a stable id, for the test API.
  std::function<void(const std::string& id, const std::string& label)> noteControl;
  // Shows record `id` of record type `type` opened on its own page (the page whose view opens it). May be
  // empty.
  std::function<void(const std::string& type, const std::string& id)> showRecord;
  bool tasksBeside = false;    // View::workBeside runs in tasks of its own between the frames
};

// What became of words handed back to a view (View::recoverText).
enum class Recovery { NotMine, Stored, NotNow };

// The words of one text field, by the field's key (what View::recoverText takes back).
struct FieldWords {
  std::string key, text;
};
// Adds `draft` as the words of `<prefix>/<field>` when they differ from `stored` (for unstoredWords).
inline void addIfChanged(std::vector<FieldWords>& out, const std::string& prefix, const std::string& field,
                         const std::string& draft, const std::string& stored) {
  if (draft != stored) out.push_back({prefix + "/" + field, draft});
}

class View {
 public:
  virtual ~View() = default;
  // Draws the page into the current ImGui window (the content area).
  virtual void draw(ViewContext& ctx) = 0;
  // Saves whatever is being typed now (autosave on blur, page hide, navigation, tab handover).
  virtual void commitPendingEdits() {}
  // When this view next needs a frame without any input (an autosave timer), or -1.
  virtual int64_t nextWakeMs() const { return -1; }
  // Work the page on screen wants done in short tasks of their own between the frames (the browser: one
  // message each, web::workSoon), so that neither a frame nor an input waits for all of it: true while it
  // wants more. workBeside() does one task's share (a few milliseconds) and is true while more remains.
  // ViewContext::tasksBeside says whether there are such tasks; where not, the page works in its frames.
  virtual bool wantsWorkBeside() const { return false; }
  virtual bool workBeside() { return false; }
  // Called when the view stops being shown.
  virtual void onHide() { commitPendingEdits(); }
  // True while words typed here are not yet handed to the store (the shell says "Saved" only when no
  // view has any, and the store is synced).
  virtual bool hasUnsavedEdits() const { return false; }
  // The typed words the store refused (hasUnsavedEdits after commitPendingEdits), field by field, in a form
  // recoverText takes back: the app holds them when the view is about to go (a lock makes every view anew),
  // so they are tried again after the unlock instead of being dropped with the view.
  virtual std::vector<FieldWords> unstoredWords() const { return {}; }
  // Words that reached no frame, by the field's key: typed just as the field went away (afterCrash false),
  // or rescued from the page after a crash (web/glue/rescue.js, afterCrash true). A view that owns the
  // key puts the words back where they were typed and stores them (Recovery::Stored). NotMine: the key
  // is not this view's, or its record is gone. NotNow: the field is this view's but the store refused
  // the words, so whoever holds them must keep them (the crash copy waits for the next start).
  virtual Recovery recoverText(const std::string& key, const std::string& text, bool afterCrash) {
    return Recovery::NotMine;
  }
  // True while a stay-with-it timer or a grounding session runs here: it counts as activity (auto-lock
  // waits) and the shell's banners stay away.
  virtual bool careInProgress() const { return false; }
  // One of the plugin's quick actions or care choices (PluginUiSpec), pressed somewhere in the shell: the
  // shell has just shown this page.
  virtual void runAction(const std::string& actionId) {}
  // Opens record `id` of `type` (the shell shows this page next) when this page shows records of that type;
  // false when it does not.
  virtual bool openRecord(const std::string& type, const std::string& id) { return false; }
  // The way out (ViewContext::wayOut) closed over this page: `back` when the person chose "Back" (what the
  // page put away for it may come back), not when they took a way through.
  virtual void wayOutClosed(bool back) {}
};

}  // namespace toward::ui
