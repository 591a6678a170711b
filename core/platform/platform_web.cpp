// core/platform/platform_web.cpp: the browser platform. The JavaScript half lives in web/glue/*.js
// (loaded with --pre-js) as the global `TowardGlue`; this file is the only C++ that calls it.
//   - durable storage: the data folder is an IDBFS mount; startSync() runs FS.syncfs(false) through
//     the glue's queue (never two at once) and reports back through toward_platform_sync_done().
//   - text fields: real <textarea>/<input> elements laid over the canvas (spellcheck, IME, phone
//     keyboards, clipboard); typing reaches C++ through toward_platform_text_input().
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "core/platform/platform.h"
#include "core/platform/key_work_web.h"

namespace toward::core {
namespace {

EM_JS(double, js_now_ms, (), { return Date.now(); });
EM_JS(void, js_start_sync, (), { TowardGlue.sync(); });
EM_JS(void, js_copy, (const char* text), { TowardGlue.copyText(UTF8ToString(text)); });
EM_JS(void, js_wake, (), { TowardGlue.wake(); });
EM_JS(int, js_data_arrived, (), { return TowardGlue.state.dataArriving ? 0 : 1; });
EM_JS(void, js_print, (const char* title, const char* text), { TowardGlue.printPage(UTF8ToString(title), UTF8ToString(text)); });
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int size), {
  // A view, not a copy: the Blob takes its own copy at once (a slice first made two of a 13.6 MB backup).
  TowardGlue.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.subarray(data, data + size));
});
EM_JS(void, js_download_part, (const char* data, int size), {
  TowardGlue.downloadPart(HEAPU8.subarray(data, data + size));
});
EM_JS(void, js_download_finish, (const char* name, const char* mime), {
  TowardGlue.downloadFinish(UTF8ToString(name), UTF8ToString(mime));
});
EM_JS(void, js_download_drop, (), {
  TowardGlue.downloadDrop();
});
EM_JS(int, js_prefers_reduced_motion, (), {
  return (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) ? 1 : 0;
});
EM_JS(int, js_prefers_dark, (), {
  return (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches) ? 1 : 0;
});
EM_JS(void, js_text_place, (const char* key, float x, float y, float w, float h, float cx, float cy, float cw,
                            float ch, int multiline, int focus, float fontPx, const char* placeholder,
                            const char* label, const char* text, int pushText), {
  TowardGlue.text.place(UTF8ToString(key), x, y, w, h, cx, cy, cw, ch, !!multiline, !!focus, fontPx,
                        UTF8ToString(placeholder), UTF8ToString(label), pushText ? UTF8ToString(text) : null);
});
EM_JS(void, js_text_end_frame, (), { TowardGlue.text.endFrame(); });
EM_JS(int, js_text_has_focus, (), { return TowardGlue.text.hasFocus() ? 1 : 0; });
EM_JS(int, js_text_has_focus_on, (const char* key), { return TowardGlue.text.hasFocus(UTF8ToString(key)) ? 1 : 0; });
EM_JS(void, js_text_style, (int bg, int fg, int accent, float fontPx), { TowardGlue.text.setStyle(bg, fg, accent, fontPx); });
EM_JS(void, js_text_clear_all, (), { TowardGlue.text.clearAll(); });
EM_JS(void, js_text_password, (const char* key), { TowardGlue.text.makePassword(UTF8ToString(key)); });
EM_JS(void, js_text_phone, (const char* key), { TowardGlue.text.makePhone(UTF8ToString(key)); });
EM_JS(void, js_text_number, (const char* key), { TowardGlue.text.makeNumber(UTF8ToString(key)); });
EM_JS(void, js_pick_file, (int request, const char* accept), { TowardGlue.pickFile(request, UTF8ToString(accept)); });
EM_JS(void, js_place_picker, (int request, const char* key, float x, float y, float w, float h, const char* accept,
                              const char* label), {
  TowardGlue.pickers.place(request, UTF8ToString(key), x, y, w, h, UTF8ToString(accept), UTF8ToString(label));
});

// Links over drawn buttons (web/glue/links.js).
EM_JS(void, js_place_link, (const char* key, const char* href, const char* label, float x, float y, float w, float h), {
  TowardLinks.place(UTF8ToString(key), UTF8ToString(href), UTF8ToString(label), x, y, w, h);
});
EM_JS(void, js_links_end_frame, (), { TowardLinks.endFrame(); });
EM_JS(int, js_storage_known, (), { return TowardPwa.state.persisted === null ? 0 : 1; });
EM_JS(int, js_storage_persisted, (), { return TowardPwa.state.persisted ? 1 : 0; });
EM_JS(int, js_storage_may_vanish, (), { return TowardPwa.state.mayVanish ? 1 : 0; });
EM_JS(int, js_storage_asked, (), { return TowardPwa.state.persistAsked ? 1 : 0; });
EM_JS(int, js_storage_ask_prompts, (), { return TowardPwa.state.persistPrompts ? 1 : 0; });
EM_JS(double, js_storage_usage, (), { return TowardPwa.state.usage; });
EM_JS(double, js_storage_quota, (), { return TowardPwa.state.quota; });
EM_JS(void, js_request_persistence, (), { TowardPwa.requestPersistence(); });
EM_JS(int, js_install_state, (), { return TowardPwa.installState(); });
EM_JS(void, js_prompt_install, (), { TowardPwa.promptInstall(); });
EM_JS(int, js_update_ready, (), { return TowardPwa.state.waiting ? 1 : 0; });
EM_JS(int, js_copy_restored, (), { return TowardCopy.restoredCount(); });
EM_JS(void, js_accept_update, (), { TowardPwa.acceptUpdate(); });
EM_JS(void, js_pick_image, (int req, int maxSide, double maxBytes, int maxSourceSide), {
  TowardGlue.images.pick(req, maxSide, maxBytes, maxSourceSide);
});
EM_JS(void, js_decode_image, (int req, const char* data, int size, int maxSide), {
  TowardGlue.images.decode(req, data, size, maxSide);
});

class WebTextInput final : public TextInputService {
 public:
  bool place(const TextFieldPlacement& p, std::string& text) override {
    Field& f = m_fields[p.key];
    m_placedThisFrame.insert(p.key);
    bool changed = false;
    if (f.pendingFromUser) {
      // The person typed since the last frame: the DOM is the source of truth for this field.
      text = f.fromUser;
      f.known = f.fromUser;
      f.pendingFromUser = false;
      changed = true;
    }
    // Push the model's text into the element when it is new to it (first show, or changed by the app).
    const bool push = !f.shown || text != f.known;
    f.known = text;
    f.shown = true;
    if (p.kept) m_notKept.erase(p.key);
    else m_notKept.insert(p.key);
    js_text_place(p.key.c_str(), p.x, p.y, p.w, p.h, p.clipX, p.clipY, p.clipW, p.clipH, p.multiline ? 1 : 0,
                  p.focus ? 1 : 0, p.fontPx, p.placeholder.c_str(), p.label.c_str(), text.c_str(), push ? 1 : 0);
    if (p.password) {
      js_text_password(p.key.c_str());
      f.secret = true;
    }
    if (p.phone) js_text_phone(p.key.c_str());
    if (p.number) js_text_number(p.key.c_str());
    return changed;
  }

  void endFrame() override {
    std::vector<std::pair<std::string, std::string>> orphans;
    for (auto it = m_fields.begin(); it != m_fields.end();) {
      if (!m_placedThisFrame.count(it->first)) {
        if (it->second.pendingFromUser && !it->second.secret) orphans.emplace_back(it->first, it->second.fromUser);
        if (it->second.secret) wipeField(it->second);
        it = m_fields.erase(it);
      }
      else ++it;
    }
    m_placedThisFrame.clear();
    js_text_end_frame();
    js_links_end_frame();
    // The element's removal may hand its text over once more: the same words, so nothing is pending.
    for (auto& [key, text] : orphans) {
      m_fields.erase(key);
      if (m_orphanHandler) m_orphanHandler(key, text);
    }
  }

  void setOrphanHandler(std::function<void(const std::string&, const std::string&)> handler) override {
    m_orphanHandler = std::move(handler);
  }

  bool hasFocus() const override { return js_text_has_focus() != 0; }
  // Only a field placed in the last frame can have the keys (the page asked only for those just scrolled away).
  bool hasFocusOn(const std::string& key) const override {
    return m_fields.count(key) != 0 && js_text_has_focus_on(key.c_str()) != 0;
  }

  void clearAll() override {
    for (auto& [key, f] : m_fields) wipeField(f);
    m_fields.clear();
    m_placedThisFrame.clear();
    m_submitted.clear();
    js_text_clear_all();
  }

  void setStyle(uint32_t bg, uint32_t fg, uint32_t accent, float fontPx) override {
    js_text_style(int(bg), int(fg), int(accent), fontPx);
  }

  // Called from JavaScript when the person edits a field.
  void userInput(const std::string& key, std::string value) {
    auto it = m_fields.find(key);
    // A field hands its text over again when it blurs or goes away: when that is what the views already
    // have, nothing is pending (a field of a page no longer drawn would otherwise wait forever).
    if (it != m_fields.end() && !it->second.pendingFromUser && it->second.shown && it->second.known == value) return;
    Field& f = it != m_fields.end() ? it->second : m_fields[key];
    f.fromUser = std::move(value);
    f.pendingFromUser = true;
  }

  // Called from JavaScript when Enter is pressed in a single-line field.
  void submit(const std::string& key) { m_submitted.insert(key); }

  bool takeSubmit(const std::string& key) override { return m_submitted.erase(key) > 0; }

  bool hasPendingInput() const override {
    for (const auto& [key, f] : m_fields) {
      if (f.pendingFromUser) return true;
    }
    return false;
  }

  bool hasPendingWords() const override {
    for (const auto& [key, f] : m_fields) {
      if (f.pendingFromUser && !m_notKept.count(key)) return true;   // (also once the field has gone)
    }
    return false;
  }

 private:
  struct Field {
    std::string known;       // what the element holds, as far as C++ knows
    std::string fromUser;    // the latest value typed, not yet picked up
    bool pendingFromUser = false;
    bool shown = false;
    bool secret = false;     // a password field: its copies are wiped when it goes away
  };
  static void wipeField(Field& f) {
    std::fill(f.known.begin(), f.known.end(), '\0');
    std::fill(f.fromUser.begin(), f.fromUser.end(), '\0');
  }
  std::map<std::string, Field> m_fields;
  std::set<std::string> m_notKept;   // keys last placed with kept = false (a search), remembered after they go
  std::set<std::string> m_placedThisFrame;
  std::function<void(const std::string&, const std::string&)> m_orphanHandler;
  std::set<std::string> m_submitted;  // single-line fields where Enter was pressed, not yet acted on
};

class WebPlatform;
WebPlatform* g_platform = nullptr;

class WebPlatform final : public Platform {
 public:
  WebPlatform() { g_platform = this; }
  ~WebPlatform() override { g_platform = nullptr; }
  int64_t nowMs() const override { return int64_t(js_now_ms()); }
  std::string dataRoot() const override { return "/data"; }
  void startSync(std::function<void(bool, const std::string&)> done) override {
    m_syncDone = std::move(done);
    js_start_sync();
  }
  TextInputService& textInput() override { return m_text; }
  void copyToClipboard(const std::string& text) override { js_copy(text.c_str()); }
  bool placeLink(const LinkPlacement& p) override {
    js_place_link(p.key.c_str(), p.href.c_str(), p.label.c_str(), p.x, p.y, p.w, p.h);
    return true;
  }
  void printPage(const std::string& title, const std::string& text) override { js_print(title.c_str(), text.c_str()); }
  void downloadFile(const std::string& name, const std::string& mime, const std::string& bytes) override {
    js_download(name.c_str(), mime.c_str(), bytes.data(), int(bytes.size()));
  }
  void downloadPart(std::string_view bytes) override { js_download_part(bytes.data(), int(bytes.size())); }
  void downloadFinish(const std::string& name, const std::string& mime) override {
    js_download_finish(name.c_str(), mime.c_str());
  }
  void downloadDrop() override { js_download_drop(); }
  void wake() override { js_wake(); }
  void pickFile(const std::string& accept, std::function<void(bool, std::string, std::string)> done) override {
    m_pickDone = std::move(done);
    js_pick_file(++m_pickRequest, accept.c_str());
  }
  bool placeFilePicker(const FilePickerPlacement& p, std::function<void(bool, std::string, std::string)> done) override {
    // Each overlay has its own request number; a file picked there goes to the done given last.
    auto it = m_pickers.find(p.key);
    if (it == m_pickers.end()) it = m_pickers.emplace(p.key, Picker{--m_nextPickerRequest, nullptr}).first;
    it->second.done = std::move(done);
    js_place_picker(it->second.request, p.key.c_str(), p.x, p.y, p.w, p.h, p.accept.c_str(), p.label.c_str());
    return true;
  }
  // The glue hands over a picked file (only the latest request is answered).
  void filePicked(int request, bool ok, std::string name, std::string bytes) {
    for (auto& [key, picker] : m_pickers) {
      if (picker.request == request && picker.done) {
        auto done = picker.done;   // (kept: the overlay may be used again)
        done(ok, std::move(name), std::move(bytes));
        return;
      }
    }
    if (request != m_pickRequest || !m_pickDone) return;
    auto done = std::move(m_pickDone);
    m_pickDone = nullptr;
    done(ok, std::move(name), std::move(bytes));
  }
  bool prefersReducedMotion() const override { return js_prefers_reduced_motion() != 0; }
  bool prefersDarkTheme() const override { return js_prefers_dark() != 0; }

  StorageHealth storageHealth() const override {
    StorageHealth h;
    h.known = js_storage_known() != 0;
    h.persisted = js_storage_persisted() != 0;
    h.persistAsked = js_storage_asked() != 0;
    h.askPrompts = js_storage_ask_prompts() != 0;
    h.mayBeCleared = js_storage_may_vanish() != 0;
    h.usageBytes = js_storage_usage();
    h.quotaBytes = js_storage_quota();
    return h;
  }
  int restoredFromSecondCopy() const override { return js_copy_restored(); }
  bool dataArrived() const override { return js_data_arrived() == 1; }
  void requestPersistentStorage() override { js_request_persistence(); }
  InstallState installState() const override {
    const int s = js_install_state();
    return s == 2 ? InstallState::Installed : s == 1 ? InstallState::Available : InstallState::Unavailable;
  }
  void promptInstall() override { js_prompt_install(); }
  bool updateReady() const override { return js_update_ready() != 0; }
  void acceptUpdate() override { js_accept_update(); }

  void pickImage(const ImageLimits& limits, std::function<void(PickedImage)> done) override {
    const int req = m_nextImageRequest++;
    m_imageRequests[req] = std::move(done);
    js_pick_image(req, limits.maxSide, limits.maxInputBytes, limits.maxSourceSide);
  }
  void decodeImage(const std::string& jpeg, int maxSide, std::function<void(PickedImage)> done) override {
    const int req = m_nextImageRequest++;
    m_imageRequests[req] = std::move(done);
    // The glue copies the bytes after this frame (no allocation inside the frame); they live until the answer.
    const std::string& held = m_decodeInputs[req] = jpeg;
    js_decode_image(req, held.data(), int(held.size()), maxSide);
  }
  bool canPickImages() const override { return true; }
  bool deriveKeyAway(PassphraseKeyJob& job, std::function<void(bool, std::string)> done) override {
    return startKeyWorkAway(job, std::move(done));
  }
  // The glue's answer to pickImage / decodeImage request `req`.
  void imageDone(int req, PickedImage image) {
    m_decodeInputs.erase(req);
    auto it = m_imageRequests.find(req);
    if (it == m_imageRequests.end()) return;
    auto done = std::move(it->second);
    m_imageRequests.erase(it);
    if (done) done(std::move(image));
  }

  void syncDone(bool ok, const std::string& message) {
    auto done = std::move(m_syncDone);
    m_syncDone = nullptr;
    if (done) done(ok, message);
  }
  WebTextInput& webText() { return m_text; }

 private:
  std::function<void(bool, const std::string&)> m_syncDone;
  std::map<int, std::function<void(PickedImage)>> m_imageRequests;   // picture requests in flight
  int m_nextImageRequest = 1;
  std::map<int, std::string> m_decodeInputs;   // JPEG bytes of decodes in flight, read by the glue
  std::function<void(bool, std::string, std::string)> m_pickDone;
  int m_pickRequest = 0;
  struct Picker {
    int request;   // negative: never one of pickFile's numbers
    std::function<void(bool, std::string, std::string)> done;
  };
  std::map<std::string, Picker> m_pickers;   // file chooser overlays by key
  int m_nextPickerRequest = 0;
  WebTextInput m_text;
};

}  // namespace

std::unique_ptr<Platform> makePlatform() { return std::make_unique<WebPlatform>(); }

}  // namespace toward::core

extern "C" {
// The glue reports the end of a sync (ok = 1) or its failure with the browser's message.
EMSCRIPTEN_KEEPALIVE void toward_platform_sync_done(int ok, const char* message) {
  if (toward::core::g_platform) toward::core::g_platform->syncDone(ok != 0, message ? message : "");
}
// The glue asks for room for a picked file's bytes (freed by toward_platform_file_picked).
EMSCRIPTEN_KEEPALIVE void* toward_platform_alloc(int size) { return std::malloc(size_t(size > 0 ? size : 1)); }
// The glue hands over a picked file: `data` (from toward_platform_alloc, may be null when !ok) is freed here.
EMSCRIPTEN_KEEPALIVE void toward_platform_file_picked(int request, int ok, const char* name, void* data, int size) {
  std::string bytes;
  if (data && size > 0) bytes.assign(static_cast<const char*>(data), size_t(size));
  std::free(data);
  if (toward::core::g_platform) toward::core::g_platform->filePicked(request, ok != 0, name ? name : "", std::move(bytes));
}
// The glue reports text typed into a field: `size` bytes at `value`, from toward_platform_alloc (a paste
// may be megabytes, more than ccall's stack holds), freed here.
EMSCRIPTEN_KEEPALIVE void toward_platform_text_input(const char* key, char* value, int size) {
  std::string words(value ? value : "", value && size > 0 ? size_t(size) : 0);
  std::free(value);
  if (toward::core::g_platform) toward::core::g_platform->webText().userInput(key, std::move(words));
}
// The glue reports Enter in a single-line field (after handing over its text).
EMSCRIPTEN_KEEPALIVE void toward_platform_text_submit(const char* key) {
  if (toward::core::g_platform) toward::core::g_platform->webText().submit(key);
}
// Memory the glue fills with picture bytes before toward_platform_image_done (which frees it).
EMSCRIPTEN_KEEPALIVE void* toward_platform_image_alloc(int size) { return std::malloc(size_t(size > 0 ? size : 1)); }
// The glue's answer to a picture request: status 0 ok, 1 cancelled, 2 file too large, 3 too many
// pixels, 4 unreadable. Takes ownership of jpeg and rgba (allocated with toward_platform_image_alloc).
EMSCRIPTEN_KEEPALIVE void toward_platform_image_done(int req, int status, double inputBytes, int sourceW, int sourceH,
                                                     int w, int h, char* jpeg, int jpegSize, char* rgba, int rgbaSize) {
  using toward::core::PickedImage;
  PickedImage image;
  image.status = status == 0 ? PickedImage::Status::Ok
               : status == 2 ? PickedImage::Status::TooLarge
               : status == 3 ? PickedImage::Status::TooManyPixels
               : status == 4 ? PickedImage::Status::Unreadable
                             : PickedImage::Status::Cancelled;
  image.inputBytes = inputBytes;
  image.sourceWidth = sourceW;
  image.sourceHeight = sourceH;
  image.width = w;
  image.height = h;
  if (jpeg && jpegSize > 0) image.jpeg.assign(jpeg, size_t(jpegSize));
  if (rgba && rgbaSize > 0) image.rgba.assign(rgba, size_t(rgbaSize));
  std::free(jpeg);
  std::free(rgba);
  if (toward::core::g_platform) toward::core::g_platform->imageDone(req, std::move(image));
}
}
#endif
