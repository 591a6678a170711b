// plugins/texture_box/texture_box_model.h: the texture box's model. It reads and writes the
// texture.object / texture.photo / texture.session records through the core's record store, keeps the
// box in the person's order, learns gently which objects have helped (relief), suggests objects for a
// grounding session, paces the session's touch and breath prompts, and offers metrics and a Markdown
// catalogue to the rest of the app through the core's providers. No ImGui: testable without a window.
// [SECTION] objects   [SECTION] photos   [SECTION] sessions and relief   [SECTION] pacing   [SECTION] providers
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/plugin.h"
#include "core/providers.h"
#include "core/record_store.h"
#include "core/registry.h"
#include "plugins/texture_box/texture_records.h"

namespace toward::texture_box {

// Adds the texture box plugin's record types to the registry (its PluginSpec, texture_box_plugin.h, points here).
core::Status registerTextureBox(core::Registry& registry);

// How an object has tended to help, over the sessions where distress was rated before and after.
struct Relief {
  uint32_t sessions = 0;        // rated sessions with this object
  double averageDrop = 0;       // mean of (before - after); positive = distress went down
};

// Plain, honest words for a Relief, never a score: "tried once so far, too soon to see a pattern", "helped a little,
// 3 times", "not tried in a session yet".
std::string reliefWords(const Relief& relief);

// One object suggested for a session, and why (in plain words).
struct Suggestion {
  std::string objectId;
  std::string why;
};

// Where a grounding session is: which touch prompt, and the breath.
struct Pacing {
  size_t prompt = 0;            // index into touchPrompts()
  bool breatheIn = true;
  float breath = 0;             // 0..1 through the current in- or out-breath
  bool finished = false;
};

// Quiet prompts about touch, shown one after another during a session with an object.
const std::vector<std::string>& touchPrompts();
// The same number of prompts for a session with just the breath (no object to hold): the body, the room.
const std::vector<std::string>& breathPrompts();
// Pacing at `elapsedMs` into a session of `totalMs`: slow breath (in 4 s, out 6 s), a new prompt every
// two breaths (20 s).
Pacing pacingAt(int64_t elapsedMs, int64_t totalMs);

class TextureBoxModel final : public core::PluginModel, public core::MetricsProvider, public core::ExportProvider {
 public:
  // Reads every record from the store and follows its changes. The store must outlive the model.
  explicit TextureBoxModel(core::RecordStore& store);
  ~TextureBoxModel() override;
  TextureBoxModel(const TextureBoxModel&) = delete;
  TextureBoxModel& operator=(const TextureBoxModel&) = delete;

  // Reads everything again (after the store reloaded).
  void reloadAll();
  // Offers metrics and the Markdown catalogue through the registry.
  void attach(core::Registry& registry);

  // How long a grounding session of `minutes` lasts, in ms: the chosen minutes, unless this model was told
  // otherwise (setSessionSecondsOverride).
  int64_t sessionLengthMs(uint32_t minutes) const;
  // Sessions of this model last `seconds` instead of the chosen minutes; 0 = as chosen. A knob for the test
  // build (window.towardTest.textureSessionSeconds, through web/test_exports.cpp).
  void setSessionSecondsOverride(int seconds) { m_sessionSecondsOverride = seconds > 0 ? seconds : 0; }

  // [SECTION] objects
  // A new object at the end of the box; returns its id.
  core::Result<std::string> add(TextureObject object);
  // Saves the object's words (its photo record is not touched).
  core::Status save(const std::string& id, const TextureObject& object);
  // Moves the object and its photo to the trash.
  core::Status remove(const std::string& id);
  // Moves the object one place earlier (delta -1) or later (+1) in the box.
  core::Status move(const std::string& id, int delta);
  const TextureObject* find(const std::string& id) const;
  // Object ids in the person's order.
  const std::vector<std::string>& ordered() const;
  size_t size() const { return m_objects.size(); }
  // Grows with every change (for views that cache what they computed).
  uint64_t changeCount() const { return m_changeCount; }

  // [SECTION] photos
  // Stores a picked picture as the object's photo (replacing an older one, which goes to the trash).
  // Returns a kind message (nothing changed) when the picture cannot be kept.
  core::Status setPhoto(const std::string& objectId, const core::PickedImage& image);
  // Removes the object's photo (to the trash).
  core::Status removePhoto(const std::string& objectId);
  // The JPEG bytes of a photo record, or "" when it is missing or damaged.
  std::string photoBytes(const std::string& photoId) const;

  // [SECTION] sessions and relief
  // Saves a finished (or stopped) session; returns its id.
  core::Result<std::string> addSession(GroundingSession session);
  core::Status saveSession(const std::string& id, const GroundingSession& session);
  // Sessions, oldest first.
  std::vector<GroundingSession> sessions() const;
  // How an object has tended to help (rated sessions only).
  Relief reliefFor(const std::string& objectId) const;
  // Up to `count` objects for a session starting at distress `before`: those that helped most at a
  // similar level (within 20), then those that helped at other levels, favourites, and untried ones.
  std::vector<Suggestion> suggest(int32_t before, size_t count = 3) const;

  // [SECTION] providers
  void collectMetrics(std::vector<core::MetricEvent>& out) const override;
  // Sessions name their object: a change of either collects every session again (core/metrics_cache.h).
  std::vector<std::string> metricsTypes() const override { return {kObjectType, kSessionType}; }
  void exportMarkdown(std::vector<core::ExportFile>& out) const override;

  core::RecordStore& store() { return m_store; }

 private:
  void reloadObject(const std::string& id);
  void reloadSession(const std::string& id);

  core::RecordStore& m_store;
  int m_listener = 0;
  std::unordered_map<std::string, TextureObject> m_objects;
  std::unordered_map<std::string, GroundingSession> m_sessions;
  mutable std::vector<std::string> m_ordered;
  mutable bool m_orderDirty = true;
  uint64_t m_changeCount = 0;
  int m_sessionSecondsOverride = 0;   // see setSessionSecondsOverride
};

// Pure relief and suggestion logic over plain data (the model's functions call these; tests use them).
Relief reliefOf(const std::vector<GroundingSession>& sessions, const std::string& objectId);
struct ObjectSummary {
  std::string id;
  bool favourite = false;
};
std::vector<Suggestion> suggestFrom(const std::vector<ObjectSummary>& objects,
                                    const std::vector<GroundingSession>& sessions, int32_t before, size_t count);

// One object as readable Markdown.
std::string objectMarkdown(const TextureObject& object, const Relief& relief);

}  // namespace toward::texture_box
