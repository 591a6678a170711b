// core/platform/platform.h: everything the app needs from the machine it runs on, behind one
// interface, so no code outside core/platform and web/ includes emscripten headers.
// Implementation: platform_web.cpp (browser: IDBFS, DOM text fields, clipboard); the UI is built for the
// web only. (How files differ between the browser and a native machine is in file_quirks.h.)
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace toward::core {

// Where a text field sits on screen this frame, in the same units as ImGui's coordinates.
struct TextFieldPlacement {
  std::string key;           // stable for one field of one record, e.g. "journal.entry/ID/text"
  float x = 0, y = 0, w = 0, h = 0;             // the field's box
  float clipX = 0, clipY = 0, clipW = 0, clipH = 0;  // the visible part of its window
  bool multiline = false;
  bool focus = false;        // ask for keyboard focus (once)
  float fontPx = 16;         // text size
  std::string placeholder;   // shown while empty
  std::string label;         // accessible name
  bool password = false;     // a secret (passphrase): shown as dots, no spellcheck, never remembered
  bool phone = false;        // a phone number: a phone's keyboard shows its number keypad
  bool number = false;       // a whole number: a phone's keyboard shows digits
  bool kept = true;          // its words go into a record (not a search's words, nor a passphrase)
};

// Word-wrapped editing with the system's spellcheck, IME, on-screen keyboard and clipboard: in the
// browser a real <textarea>/<input> laid over the canvas (core/ui/text_field.h places them).
class TextInputService {
 public:
  virtual ~TextInputService() = default;
  // Shows the field this frame. `text` is the model's text; when the person changed it since the last
  // call, `text` is updated and true returned. A field not placed in a frame is hidden, never cleared.
  virtual bool place(const TextFieldPlacement& placement, std::string& text) = 0;
  // Hides fields that were not placed during this frame.
  virtual void endFrame() = 0;
  // True while one of the fields has keyboard focus.
  virtual bool hasFocus() const = 0;
  // True while field `key` has the keyboard focus (a field scrolled out of view keeps it: see placeField).
  virtual bool hasFocusOn(const std::string& key) const { return false; }
  // True once after Enter was pressed in the single-line field `key` (its text is handed over first):
  // the field's form acts as its button would.
  virtual bool takeSubmit(const std::string& key) { return false; }
  // True while typed text has not yet been picked up by a frame (place() hands it over).
  virtual bool hasPendingInput() const { return false; }
  // True while words typed into a kept field (TextFieldPlacement::kept) wait for a frame: "Saving...", not
  // "Saved" (words typed into a search are nothing to save).
  virtual bool hasPendingWords() const { return hasPendingInput(); }
  // Forgets every field: empties and removes them on screen and wipes their text in memory (the vault
  // locked, or the screen was covered). Hand typed text to the views first (hasPendingInput()).
  virtual void clearAll() {}
  // Words typed into a field that was not drawn again before the end of a frame (its page or editor went
  // away in between) are handed to `handler` then, so they still reach their record; a field nobody
  // owns any more (a search box) just forgets them.
  virtual void setOrphanHandler(std::function<void(const std::string& key, const std::string& text)> handler) {}
  // Colours for fields (0xRRGGBB) and the font size, when the theme changes.
  virtual void setStyle(uint32_t background, uint32_t text, uint32_t accent, float fontPx) = 0;
};

// How safe the browser's storage is (web only; elsewhere nothing is known).
struct StorageHealth {
  bool known = false;        // the browser answered
  bool persisted = false;    // it promised not to clear the data when space runs low
  bool persistAsked = false; // Toward asked for that in this session
  bool askPrompts = false;   // asking shows the person a question from the browser (Firefox), not a silent check
  bool mayBeCleared = false; // no promise can be had: the browser has no storage API, or it refused
  double usageBytes = -1;    // -1 when unknown
  double quotaBytes = -1;
};

enum class InstallState { Unavailable, Available, Installed };

// Where a file chooser sits on screen this frame: over a button the app drew (same units as ImGui).
struct FilePickerPlacement {
  std::string key;           // stable, e.g. "backups/import/file"
  float x = 0, y = 0, w = 0, h = 0;   // the visible part of the button (nothing is placed when empty)
  std::string accept;        // the <input type=file> accept list, e.g. ".age,.txt"
  std::string label;         // accessible name (the button's words)
};

// A real link laid over a button the app drew (a phone number: one tap calls). Same units as ImGui.
struct LinkPlacement {
  std::string key;           // stable, e.g. "safety_plan/helpers.0/call"
  std::string href;          // "tel:+4412345" or "sms:+4412345" (only these schemes are placed)
  std::string label;         // accessible name, e.g. "Call Sam, 0123 456"
  float x = 0, y = 0, w = 0, h = 0;   // the visible part of the button (nothing is placed when empty)
};

// Limits for a picture chosen from the device (pickImage). The browser checks them before and after
// decoding, so an oversized file is never decoded.
struct ImageLimits {
  int maxSide = 512;                      // maxSide: int, default 512 — the stored picture's long side
  double maxInputBytes = 20.0 * 1024 * 1024;  // maxInputBytes: double, default 20 MB — the chosen file
  int maxSourceSide = 10000;              // maxSourceSide: int, default 10000 — the chosen picture's long side
};

// What came back from pickImage / decodeImage.
struct PickedImage {
  enum class Status { Ok, Cancelled, TooLarge, TooManyPixels, Unreadable };
  Status status = Status::Cancelled;
  double inputBytes = 0;          // size of the chosen file
  int sourceWidth = 0, sourceHeight = 0;   // before downscaling (0 when not decoded)
  int width = 0, height = 0;      // of jpeg and rgba
  std::string jpeg;               // the downscaled picture as JPEG (pickImage only)
  std::string rgba;               // width * height * 4 bytes, straight alpha
};

// A passphrase's slow key work, into 32 bytes: the vault's Argon2id (libsodium's crypto_pwhash,
// ALG_ARGON2ID13, with opslimit and memlimit: core::vault::PassphraseKey), or a backup's scrypt (age's:
// N = 2^scryptLog2N, r = 8, p = 1, over backup::ageScryptSalt: backup::AgeWrapKey).
struct PassphraseKeyJob {
  enum class Kind { Argon2id, Scrypt };
  Kind kind = Kind::Argon2id;
  std::string passphrase;
  std::string salt;
  unsigned long long opslimit = 0;
  size_t memlimit = 0;
  int scryptLog2N = 0;
};

class Platform {
 public:
  virtual ~Platform() = default;
  // Wall-clock time, Unix milliseconds.
  virtual int64_t nowMs() const = 0;
  // The folder that holds the person's data (the IndexedDB mount in the browser).
  virtual std::string dataRoot() const = 0;
  // Starts mirroring the data folder to durable storage and calls done(ok, message) when finished
  // (at once where files are already durable). Never called while a previous sync is running.
  virtual void startSync(std::function<void(bool ok, const std::string& message)> done) = 0;
  virtual TextInputService& textInput() = 0;
  // Offers bytes as a file download named `fileName` (CSV, Markdown, backups). The default does nothing.
  virtual void downloadFile(const std::string& fileName, const std::string& mimeType, const std::string& bytes) {}
  // The same for a large file, handed over in parts across frames (a backup of 10,000 records is 13.6 MB:
  // copied out in one frame it took 30-60 ms): the parts, in order, then finished (offered as one file) or
  // dropped (nothing offered). A first part after a finish or a drop begins a new file. The defaults keep
  // the parts here and offer them through downloadFile.
  virtual void downloadPart(std::string_view bytes) { m_downloadParts.append(bytes); }
  virtual void downloadFinish(const std::string& fileName, const std::string& mimeType) {
    downloadFile(fileName, mimeType, m_downloadParts);
    downloadDrop();
  }
  virtual void downloadDrop() { std::string().swap(m_downloadParts); }
  // Lets the person pick one file (`accept`: the <input type=file> accept list, e.g. ".age,.txt") and
  // calls done(ok, name, bytes) later, from the event loop (ok = false when nothing was picked or it could
  // not be read). The default does nothing (done is never called).
  virtual void pickFile(const std::string& accept, std::function<void(bool ok, std::string name, std::string bytes)> done) {}
  // A file chooser laid over a button the app drew: in the browser a real <input type=file> in that place,
  // so the click that opens the chooser is the browser's own event (Safari and others open no dialog from
  // a click ImGui handles a frame later). Placed every frame like text fields; one not placed in a frame
  // goes away (hidden at TextInputService::endFrame). done is called as for pickFile. Returns false where
  // there is no such overlay (the default): the caller then calls pickFile() on its own click.
  virtual bool placeFilePicker(const FilePickerPlacement& placement,
                               std::function<void(bool ok, std::string name, std::string bytes)> done) {
    return false;
  }
  // A real <a href="tel:..."> (or sms:) exactly over a button the app drew, so one tap on a phone
  // calls: the canvas cannot open the phone's dialer. Placed every frame like text fields; one not placed
  // in a frame goes away (at TextInputService::endFrame). Returns false where there is no such overlay
  // (natively): the drawn button then does nothing more than show the number.
  virtual bool placeLink(const LinkPlacement& placement) { return false; }
  // Puts text on the system clipboard.
  virtual void copyToClipboard(const std::string& text) = 0;
  // Prints a clean page holding only `title` and `text` (the browser's own print dialog). The default does
  // nothing.
  virtual void printPage(const std::string& title, const std::string& text) {}
  // Asks for another frame to be drawn soon (something changed outside of input events).
  virtual void wake() = 0;
  // The person's system prefers less motion / a dark theme.
  virtual bool prefersReducedMotion() const = 0;
  virtual bool prefersDarkTheme() const = 0;

  // --- installable app and storage health (defaults: not applicable)
  virtual StorageHealth storageHealth() const { return {}; }
  // How many saved files the browser had lost and were brought back from Toward's second copy at this start
  // (web/glue/second_copy.js); 0 when nothing was lost.
  virtual int restoredFromSecondCopy() const { return 0; }
  // False while the data folder is still being filled (the browser's start draws its first frames while
  // IndexedDB is read: only the settings are there yet; web/glue/storage.js). Nothing may take the folder
  // for everything until it is true.
  virtual bool dataArrived() const { return true; }
  // Asks the browser to keep the data (navigator.storage.persist()); at most once per session.
  virtual void requestPersistentStorage() {}
  virtual InstallState installState() const { return InstallState::Unavailable; }
  // Shows the browser's own install dialog (only when installState() is Available).
  virtual void promptInstall() {}
  // A new version of the app has been downloaded and waits to be used.
  virtual bool updateReady() const { return false; }
  // Saves everything, then switches to the new version (the page reloads once).
  virtual void acceptUpdate() {}

  // --- pictures (defaults: unavailable; done is never called)
  // Lets the person choose a picture (on phones: from the gallery or the camera), decodes and
  // downscales it in the browser, and calls done once (maybe never, if they close the chooser and the
  // browser does not say so). Must be called soon after a click or tap (browsers require a gesture).
  virtual void pickImage(const ImageLimits& limits, std::function<void(PickedImage)> done) {}
  // Decodes stored JPEG bytes into RGBA pixels no larger than maxSide on the long side (for drawing).
  virtual void decodeImage(const std::string& jpeg, int maxSide, std::function<void(PickedImage)> done) {}
  // True where pickImage can work (the browser); false by default.
  virtual bool canPickImages() const { return false; }

  // --- key work (default: none here)
  // Starts `job` away from the page's thread (the browser: a worker, web/key_worker.cpp), so the page keeps
  // drawing and answering meanwhile. `done` is called later, between frames, with the 32-byte key, or with
  // ok=false when it could not be done there (the caller then does it in place). Returns false at once, and
  // never calls `done`, where there is no such place. The job's passphrase is wiped once handed over.
  virtual bool deriveKeyAway(PassphraseKeyJob& job, std::function<void(bool ok, std::string key)> done) { return false; }

 private:
  std::string m_downloadParts;   // downloadPart's default: the parts so far
};

// The platform this build runs on (the browser: platform_web.cpp), created once.
std::unique_ptr<Platform> makePlatform();

}  // namespace toward::core
