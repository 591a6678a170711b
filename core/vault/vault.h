// core/vault/vault.h: the optional vault. With a passphrase set, every record, trashed record and side
// file (safety snapshots) is sealed under a random data key (core/vault/vault_key.h); only vault.json,
// the unlock metadata, stays plain. While locked, the store holds nothing of the person's words in
// memory and refuses writes.
//
// Turning the vault on or off survives an interruption at any point:
//   on:  vault.json written with state "enabling" (key wrapped) -> every file re-written sealed, one
//        atomic file at a time -> vault.json state "on".
//   off: vault.json state "disabling" -> every file re-written plain -> vault.json removed.
// Until vault.json is gone, unlocking opens both forms; an unlock that finds "enabling" or "disabling"
// finishes the job. Wrong passphrases are answered kindly, with a short, growing pause; nothing is ever
// destroyed because of them.
#pragma once
#include <memory>
#include <string>

#include "core/record_store.h"
#include "core/vault/vault_key.h"

namespace toward::core::vault {

enum class VaultStatus { Off, Locked, Unlocked };

// The vault's plain preferences (vault.json "prefs"), readable while locked.
struct VaultPrefs {
  int autoLockMinutes = 5;   // autoLockMinutes: idle minutes before it locks itself, 0 = never; default 5
  bool lockOnHide = false;   // lockOnHide: lock when the tab is hidden; default false
  bool discreet = false;     // discreet: neutral page title, icon and unlock wording; default false
};
VaultPrefs parseVaultPrefs(const std::string& json);
std::string encodeVaultPrefs(const VaultPrefs& prefs);

class Vault {
 public:
  // The store must outlive the vault. Call open() before the store is loaded.
  explicit Vault(RecordStore& store);
  ~Vault();

  // Reads vault.json. Off: load the store as usual. Locked: the store is marked locked (empty, no
  // writes) until unlock(). A vault.json that cannot be read leaves the vault Locked with that message
  // in problem() (nothing is touched).
  VaultStatus open();
  VaultStatus status() const { return m_status; }
  // Why the vault cannot be unlocked at all (a damaged or newer vault.json), or empty.
  const std::string& problem() const { return m_problem; }

  // Unwraps the key and loads the store (finishing an interrupted turning on or off). A passphrase that
  // does not fit gets Invalid with kind words, and the next try waits retryAtMs(): 1, 2, 4 ... 30 s.
  // Stepwise: with nothing to finish, the store only begins an opening (RecordStore::beginLoad) that the
  // caller reads a few milliseconds a frame (the app, behind its opening screen, as at start).
  enum class Load { Whole, Stepwise };
  // `derived`: the passphrase's key, derived elsewhere with unlockSalt() and unlockKdf() (unwrapKey).
  Status unlock(const std::string& passphrase, int64_t nowMs, Load load = Load::Whole,
                const PassphraseKey* derived = nullptr);
  // What deriving the passphrase's key for unlock() takes: the salt and the Argon2id parameters.
  const std::string& unlockSalt() const { return m_file.salt; }
  const KdfParams& unlockKdf() const { return m_file.kdf; }
  int64_t retryAtMs() const { return m_retryAtMs; }
  int failedTries() const { return m_failures; }
  // Drops every record from memory (listeners hear Reloaded), forgets and wipes the key.
  void lock();

  // Turns the vault on (the store must be loaded and writable, the vault Off): every file is sealed.
  Status enable(const std::string& passphrase, KdfParams kdf = {});
  // Turns it off (Unlocked; the passphrase is asked again): every file is written plain again.
  Status disable(const std::string& passphrase);
  // The same in steps (a progress bar): begin*() wraps the key / marks vault.json first, then
  // stepMigration(n) rewrites up to n files a call and returns true once everything is done. Safe to
  // stop at any point (a reload, a lock): unlock() or resume() finishes it.
  // `derived`: the passphrase's key made elsewhere (for beginEnable with a salt from newWrapSalt() and
  // `kdf`; for beginDisable with unlockSalt() and unlockKdf()), so that no Argon2id runs here.
  Status beginEnable(const std::string& passphrase, KdfParams kdf = {}, const DerivedWrap* derived = nullptr);
  Status beginDisable(const std::string& passphrase, const PassphraseKey* derived = nullptr);
  Result<bool> stepMigration(size_t count);
  // Right after begin*(): makes the plan and rewrites its first file at once, so that the first rewrite's
  // one-time costs (the plan, the first calls into the cipher) fall in the call that made the key, the one
  // long moment, instead of in a later frame. A failure stops the stepping, as stepMigration's does.
  void stepFirst() {
    if (m_stepping) (void)stepMigration(1);
  }
  // 0..1 of the turning on or off in progress (1 when none).
  double migrationProgress() const;
  // True while a stepwise turning on or off is under way (not stopped by an error).
  bool migrationRunning() const { return m_stepping; }
  // Wraps the same key with a new passphrase (Unlocked; the current one is asked again). `currentKey`: the
  // current passphrase's key made elsewhere (unlockSalt(), unlockKdf()); `nextWrap`: the next one's, made
  // with a salt from newWrapSalt() and `kdf`.
  Status changePassphrase(const std::string& current, const std::string& next, KdfParams kdf = {},
                          const PassphraseKey* currentKey = nullptr, const DerivedWrap* nextWrap = nullptr);

  // Plain preferences kept in vault.json, readable while locked.
  VaultPrefs prefs() const { return parseVaultPrefs(m_file.prefs); }
  Status setPrefs(const VaultPrefs& prefs);
  // Finishes an interrupted turning on or off (Unlocked), e.g. after a storage error; also done by unlock().
  Status resume() { return m_status == VaultStatus::Unlocked ? finishMigration() : Status::ok(); }
  // True while turning on or off has not finished.
  bool migrating() const { return m_status != VaultStatus::Off && m_file.state != VaultState::On; }

 private:
  Status writeFile();
  Status finishMigration();
  void forgetKey();

  RecordStore& m_store;
  VaultStatus m_status = VaultStatus::Off;
  VaultFile m_file;
  std::unique_ptr<DataKey> m_key;
  std::string m_problem;
  std::vector<RecordStore::RewriteItem> m_plan;   // files still to rewrite while turning on or off
  size_t m_planDone = 0;
  bool m_planActive = false;
  bool m_stepping = false;   // begin*() was called and stepMigration() has not finished or failed
  int m_failures = 0;
  int64_t m_retryAtMs = 0;
};

}  // namespace toward::core::vault
