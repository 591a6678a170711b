// plugins/texture_box/texture_box_model.cpp: see texture_box_model.h.
#include "plugins/texture_box/texture_box_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/time_format.h"

namespace toward::texture_box {
namespace {

std::string times(uint32_t n) { return n == 1 ? std::string("1 time") : std::to_string(n) + " times"; }

std::string joined(const std::vector<std::string>& xs) {
  std::string out;
  for (size_t i = 0; i < xs.size(); ++i) out += (i ? ", " : "") + xs[i];
  return out;
}

std::string describeObject(const TextureObject& o) { return o.name.empty() ? std::string("An object without a name") : o.name; }

}  // namespace


core::Status registerTextureBox(core::Registry& registry) {
  if (auto s = registry.addRecordType(core::makeRecordType<TextureObject>(kObjectType, "object", describeObject)); !s)
    return s;
  if (auto s = registry.addRecordType(core::makeRecordType<TexturePhoto>(kPhotoType, "photo",
                                                                          [](const TexturePhoto&) { return std::string("A photo of an object"); }));
      !s)
    return s;
  return registry.addRecordType(core::makeRecordType<GroundingSession>(kSessionType, "grounding session", [](const GroundingSession& g) {
    return "Grounding" + (g.objectName.empty() ? std::string() : " with " + g.objectName) + ", " + core::formatIsoDate(g.timeMs);
  }));
}

// ---------------------------------------------------------------- relief and suggestions
std::string reliefWords(const Relief& r) {
  if (r.sessions == 0) return "not tried in a session yet";
  if (r.sessions == 1) return "tried once so far, too soon to see a pattern";
  const double d = r.averageDrop;
  if (d >= 30) return "helped quite a bit, " + times(r.sessions);
  if (d >= 12) return "helped, " + times(r.sessions);
  if (d >= 3) return "helped a little, " + times(r.sessions);
  if (d > -3) return "about the same before and after, " + times(r.sessions);
  return "the feeling was often stronger afterwards, which can happen, " + times(r.sessions);
}

namespace {
// Relief over any range of sessions (`session(item)` gives the GroundingSession of one item).
template <class Range, class Get>
Relief accumulateRelief(const Range& items, const std::string& objectId, Get session) {
  Relief r;
  double sum = 0;
  for (const auto& item : items) {
    const GroundingSession& s = session(item);
    if (s.objectId != objectId || !s.rated()) continue;
    ++r.sessions;
    sum += double(s.distressBefore - s.distressAfter);
  }
  if (r.sessions) r.averageDrop = sum / double(r.sessions);
  return r;
}
}  // namespace

Relief reliefOf(const std::vector<GroundingSession>& sessions, const std::string& objectId) {
  return accumulateRelief(sessions, objectId, [](const GroundingSession& s) -> const GroundingSession& { return s; });
}

std::vector<Suggestion> suggestFrom(const std::vector<ObjectSummary>& objects, const std::vector<GroundingSession>& sessions,
                                    int32_t before, size_t count) {
  struct Scored {
    size_t index;
    int tier;       // 0 helped at a similar level, 1 helped at other levels, 2 favourite, 3 untried, 4 the rest
    double score;   // shrunk mean drop: sum / (n + 1), so one lucky session does not outrank a steady helper
    std::string why;
  };
  std::vector<Scored> scored;
  for (size_t i = 0; i < objects.size(); ++i) {
    const auto& o = objects[i];
    uint32_t nSimilar = 0, nAll = 0;
    double sumSimilar = 0, sumAll = 0;
    for (const auto& s : sessions) {
      if (s.objectId != o.id || !s.rated()) continue;
      const double drop = double(s.distressBefore - s.distressAfter);
      ++nAll;
      sumAll += drop;
      if (before >= 0 && std::abs(s.distressBefore - before) <= 20) {
        ++nSimilar;
        sumSimilar += drop;
      }
    }
    Scored sc{i, 4, 0, "here in your box"};
    const double similar = sumSimilar / double(nSimilar + 1), all = sumAll / double(nAll + 1);
    if (nSimilar > 0 && similar > 0) {
      sc = {i, 0, similar, nSimilar == 1 ? std::string("tried once when it felt like this, too soon to see a pattern")
                                         : reliefWords({nSimilar, sumSimilar / double(nSimilar)}) + " when it felt like this"};
    } else if (nAll > 0 && all > 0) {
      sc = {i, 1, all, reliefWords({nAll, sumAll / double(nAll)})};
    } else if (o.favourite) {
      sc = {i, 2, 0, "one of your favourites"};
    } else if (nAll == 0) {
      sc = {i, 3, 0, "not tried in a session yet"};
    }
    scored.push_back(std::move(sc));
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    return a.tier != b.tier ? a.tier < b.tier : a.score > b.score;
  });
  std::vector<Suggestion> out;
  for (const auto& s : scored) {
    if (out.size() >= count) break;
    out.push_back({objects[s.index].id, s.why});
  }
  return out;
}

// ---------------------------------------------------------------- pacing
const std::vector<std::string>& touchPrompts() {
  static const std::vector<std::string> prompts = {
      "Hold it in your hand. Is it cool, or warm? Let your hand rest.",
      "Notice its weight. Let it sink into your palm.",
      "Find an edge, or a place where it curves. Follow it slowly with a fingertip.",
      "Brush your fingertips across it. What is the texture right under them?",
      "Press gently, then let go. Does it give a little, or stay firm?",
      "If your mind wanders, that is all right. Come back to your fingertips.",
      "Is it warmer now, from your hand? Notice that.",
      "Breathe out a little longer than you breathe in. You are here, now.",
  };
  return prompts;
}

const std::vector<std::string>& breathPrompts() {
  static const std::vector<std::string> prompts = {
      "Let your breath come and go. There is nothing to do but notice it.",
      "Feel where your body meets the chair, or the floor. Let it hold you.",
      "Rest your hands somewhere. Notice what is under them: fabric, skin, a table.",
      "Breathe out a little longer than you breathe in.",
      "Look around slowly. Find three things you can see, one at a time.",
      "If your mind wanders, that is all right. Come back to your breath.",
      "Feel your feet. Press them gently down, then let them rest.",
      "You are here, now. This moment is enough.",
  };
  return prompts;
}

Pacing pacingAt(int64_t elapsedMs, int64_t totalMs) {
  constexpr int64_t kIn = 4000, kOut = 6000, kPrompt = 20000;
  Pacing p;
  if (elapsedMs < 0) elapsedMs = 0;
  p.finished = elapsedMs >= totalMs;
  const int64_t inCycle = elapsedMs % (kIn + kOut);
  p.breatheIn = inCycle < kIn;
  p.breath = p.breatheIn ? float(inCycle) / float(kIn) : float(inCycle - kIn) / float(kOut);
  p.prompt = size_t(elapsedMs / kPrompt) % touchPrompts().size();
  return p;
}

// ---------------------------------------------------------------- model
TextureBoxModel::TextureBoxModel(core::RecordStore& store) : m_store(store) {
  reloadAll();
  m_listener = m_store.addListener([this](const core::RecordChange& change) {
    if (change.kind == core::RecordChange::Kind::Reloaded) reloadAll();
    else if (change.type == kObjectType) {
      reloadObject(change.id);
      // An object brought back from the trash brings its photo back too (they were trashed together).
      const TextureObject* o = change.kind == core::RecordChange::Kind::Restored ? find(change.id) : nullptr;
      if (o && !o->photoId.empty() && !m_store.find(kPhotoType, o->photoId)) m_store.restore(kPhotoType, o->photoId);
    }
    else if (change.type == kSessionType) reloadSession(change.id);
    else if (change.type == kPhotoType) ++m_changeCount;
  });
}

TextureBoxModel::~TextureBoxModel() { m_store.removeListener(m_listener); }

void TextureBoxModel::attach(core::Registry& registry) {
  registry.addMetricsProvider(this);
  registry.addExportProvider(this);
}

int64_t TextureBoxModel::sessionLengthMs(uint32_t minutes) const {
  return m_sessionSecondsOverride > 0 ? int64_t(m_sessionSecondsOverride) * 1000 : int64_t(minutes) * 60000;
}

void TextureBoxModel::reloadAll() {
  m_objects.clear();
  m_sessions.clear();
  for (const auto* r : m_store.list(kObjectType)) reloadObject(r->id);
  for (const auto* r : m_store.list(kSessionType)) reloadSession(r->id);
  m_orderDirty = true;
  ++m_changeCount;
}

void TextureBoxModel::reloadObject(const std::string& id) {
  m_orderDirty = true;
  ++m_changeCount;
  const core::StoredRecord* r = m_store.find(kObjectType, id);
  if (!r) { m_objects.erase(id); return; }
  auto loaded = core::loadBody<TextureObject>(r->body, r->schema);
  if (loaded) m_objects[id] = std::move(loaded.value());
}

void TextureBoxModel::reloadSession(const std::string& id) {
  ++m_changeCount;
  const core::StoredRecord* r = m_store.find(kSessionType, id);
  if (!r) { m_sessions.erase(id); return; }
  auto loaded = core::loadBody<GroundingSession>(r->body, r->schema);
  if (!loaded) return;
  if (loaded.value().timeMs == 0) loaded.value().timeMs = r->createdMs;
  m_sessions[id] = std::move(loaded.value());
}

// ---------------------------------------------------------------- [SECTION] objects
core::Result<std::string> TextureBoxModel::add(TextureObject object) {
  object.sanitize();
  double last = 0;
  for (const auto& [id, o] : m_objects) last = std::max(last, o.order);
  object.order = m_objects.empty() ? 1 : std::floor(last) + 1;
  auto saved = m_store.put(kObjectType, "", core::saveBody(object));
  if (!saved) return saved.error();
  return saved.value().id;
}

core::Status TextureBoxModel::save(const std::string& id, const TextureObject& object) {
  TextureObject clean = object;
  clean.sanitize();
  auto saved = m_store.put(kObjectType, id, core::saveBody(clean));
  return saved ? core::Status::ok() : saved.error();
}

core::Status TextureBoxModel::remove(const std::string& id) {
  const TextureObject* o = find(id);
  if (!o) return {core::ErrorCode::NotFound, "that object is no longer in the box"};
  const std::string photo = o->photoId;
  if (auto s = m_store.remove(kObjectType, id); !s) return s;
  if (!photo.empty() && m_store.find(kPhotoType, photo)) m_store.remove(kPhotoType, photo);
  return core::Status::ok();
}

core::Status TextureBoxModel::move(const std::string& id, int delta) {
  const auto& order = ordered();
  auto it = std::find(order.begin(), order.end(), id);
  if (it == order.end()) return {core::ErrorCode::NotFound, "that object is no longer in the box"};
  const long at = long(it - order.begin()), to = at + (delta < 0 ? -1 : 1);
  if (to < 0 || to >= long(order.size())) return core::Status::ok();
  const std::string otherId = order[size_t(to)];
  TextureObject a = m_objects[id], b = m_objects[otherId];
  if (a.order == b.order) b.order += (delta < 0 ? 1 : -1) * 0.5;
  std::swap(a.order, b.order);
  if (auto s = save(id, a); !s) return s;
  return save(otherId, b);
}

const TextureObject* TextureBoxModel::find(const std::string& id) const {
  auto it = m_objects.find(id);
  return it == m_objects.end() ? nullptr : &it->second;
}

const std::vector<std::string>& TextureBoxModel::ordered() const {
  if (m_orderDirty) {
    m_ordered.clear();
    for (const auto& [id, o] : m_objects) m_ordered.push_back(id);
    std::sort(m_ordered.begin(), m_ordered.end(), [this](const std::string& a, const std::string& b) {
      const double oa = m_objects.at(a).order, ob = m_objects.at(b).order;
      return oa != ob ? oa < ob : a < b;
    });
    m_orderDirty = false;
  }
  return m_ordered;
}

// ---------------------------------------------------------------- [SECTION] photos
core::Status TextureBoxModel::setPhoto(const std::string& objectId, const core::PickedImage& image) {
  const TextureObject* o = find(objectId);
  if (!o) return {core::ErrorCode::NotFound, "that object is no longer in the box"};
  if (auto problem = photoProblem(image); !problem.empty()) return {core::ErrorCode::Invalid, problem};
  TexturePhoto photo;
  photo.objectId = objectId;
  photo.width = uint32_t(image.width);
  photo.height = uint32_t(image.height);
  photo.data = base64Encode(image.jpeg);
  auto saved = m_store.put(kPhotoType, "", core::saveBody(photo));
  if (!saved) return saved.error();
  TextureObject changed = *o;
  const std::string old = changed.photoId;
  changed.photoId = saved.value().id;
  if (auto s = save(objectId, changed); !s) {
    m_store.purge(kPhotoType, saved.value().id);
    return s;
  }
  if (!old.empty() && m_store.find(kPhotoType, old)) m_store.remove(kPhotoType, old);
  return core::Status::ok();
}

core::Status TextureBoxModel::removePhoto(const std::string& objectId) {
  const TextureObject* o = find(objectId);
  if (!o) return {core::ErrorCode::NotFound, "that object is no longer in the box"};
  if (o->photoId.empty()) return core::Status::ok();
  TextureObject changed = *o;
  const std::string old = changed.photoId;
  changed.photoId.clear();
  if (auto s = save(objectId, changed); !s) return s;
  if (m_store.find(kPhotoType, old)) return m_store.remove(kPhotoType, old);
  return core::Status::ok();
}

std::string TextureBoxModel::photoBytes(const std::string& photoId) const {
  if (photoId.empty()) return {};
  const core::StoredRecord* r = m_store.find(kPhotoType, photoId);
  if (!r) return {};
  std::string bytes;
  // Quick path (the grid reads photos while scrolling): the stored body is compact JSON and base64 never
  // needs escapes, so the "data" string can be cut out directly. Anything unexpected takes the full reader.
  const size_t key = r->body.find("\"data\":\"");
  if (r->schema == TexturePhoto::kSchema && key != std::string::npos) {
    const size_t from = key + 8, to = r->body.find('"', from);
    if (to != std::string::npos && base64Decode(r->body.substr(from, to - from), bytes)) return bytes;
  }
  auto photo = core::loadBody<TexturePhoto>(r->body, r->schema);
  if (!photo || !base64Decode(photo.value().data, bytes)) return {};
  return bytes;
}

// ---------------------------------------------------------------- [SECTION] sessions and relief
core::Result<std::string> TextureBoxModel::addSession(GroundingSession session) {
  session.sanitize();
  if (session.timeMs == 0) session.timeMs = m_store.now();
  auto saved = m_store.put(kSessionType, "", core::saveBody(session));
  if (!saved) return saved.error();
  return saved.value().id;
}

core::Status TextureBoxModel::saveSession(const std::string& id, const GroundingSession& session) {
  GroundingSession clean = session;
  clean.sanitize();
  auto saved = m_store.put(kSessionType, id, core::saveBody(clean));
  return saved ? core::Status::ok() : saved.error();
}

std::vector<GroundingSession> TextureBoxModel::sessions() const {
  std::vector<GroundingSession> out;
  out.reserve(m_sessions.size());
  for (const auto& [id, s] : m_sessions) out.push_back(s);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.timeMs < b.timeMs; });
  return out;
}

Relief TextureBoxModel::reliefFor(const std::string& objectId) const {
  return accumulateRelief(m_sessions, objectId, [](const auto& kv) -> const GroundingSession& { return kv.second; });
}

std::vector<Suggestion> TextureBoxModel::suggest(int32_t before, size_t count) const {
  std::vector<ObjectSummary> objects;
  for (const auto& id : ordered()) objects.push_back({id, m_objects.at(id).favourite});
  return suggestFrom(objects, sessions(), before, count);
}

// ---------------------------------------------------------------- [SECTION] providers
void TextureBoxModel::collectMetrics(std::vector<core::MetricEvent>& out) const {
  for (const auto& s : sessions()) {
    core::MetricEvent e;
    e.kind = kSessionType;
    e.timeMs = s.timeMs;
    const TextureObject* o = find(s.objectId);
    e.labels["object"] = o && !o->name.empty() ? o->name : s.objectName;
    e.values["minutes"] = double(s.secondsSpent) / 60.0;
    if (s.distressBefore >= 0) e.values["distressBefore"] = s.distressBefore;
    if (s.distressAfter >= 0) e.values["distressAfter"] = s.distressAfter;
    out.push_back(std::move(e));
  }
}

std::string objectMarkdown(const TextureObject& o, const Relief& relief) {
  std::string md = "## " + (o.name.empty() ? std::string("An object without a name") : o.name) +
                   (o.favourite ? " (a favourite)" : "") + "\n\n";
  if (!o.description.empty()) md += o.description + "\n\n";
  auto line = [&](const char* label, const std::string& value) {
    if (!value.empty()) md += std::string("- ") + label + ": " + value + "\n";
  };
  line("Textures", joined(o.textures));
  line("Senses", joined(o.senses));
  line("Kept", o.keptWhere);
  line("Helps with", o.helpsWith + (o.helpTags.empty() ? "" : (o.helpsWith.empty() ? "" : " — ") + joined(o.helpTags)));
  line("In grounding sessions", reliefWords(relief));
  if (!o.photoId.empty()) line("Photo", "kept in Toward (not part of this text export)");
  if (!o.notes.empty()) md += "\n" + o.notes + "\n";
  return md + "\n";
}

void TextureBoxModel::exportMarkdown(std::vector<core::ExportFile>& out) const {
  if (m_objects.empty() && m_sessions.empty()) return;
  std::string md = "# My texture box\n\n";
  for (const auto& id : ordered()) md += objectMarkdown(m_objects.at(id), reliefFor(id));
  const auto all = sessions();
  if (!all.empty()) {
    md += "# Grounding sessions\n\n| date | object | minutes | before | after | note |\n|---|---|---|---|---|---|\n";
    for (const auto& s : all) {
      char minutes[16];
      std::snprintf(minutes, sizeof minutes, "%.1f", double(s.secondsSpent) / 60.0);
      auto rating = [](int32_t v) { return v < 0 ? std::string("-") : std::to_string(v); };
      std::string note = s.note;
      for (char& c : note) if (c == '\n' || c == '|') c = ' ';
      md += "| " + core::formatIsoDate(s.timeMs) + " | " + s.objectName + " | " + minutes + " | " + rating(s.distressBefore) + " | " +
            rating(s.distressAfter) + " | " + note + " |\n";
    }
  }
  out.push_back({"texture-box/my-texture-box.md", md});
}

}  // namespace toward::texture_box
