// core/vault/vault.cpp: see vault.h.
#include "core/vault/vault.h"

#include <algorithm>

#include "core/files.h"
#include "core/json.h"
#include "core/json_parse.h"

namespace toward::core::vault {
namespace {

constexpr int64_t kMaxPauseMs = 30000;

Status invalid(const std::string& what) { return {ErrorCode::Invalid, what}; }

}  // namespace

VaultPrefs parseVaultPrefs(const std::string& json) {
  VaultPrefs p;
  rapidjson::Document doc;
  if (core::parseJson<rapidjson::kParseNanAndInfFlag>(doc, json).IsError() || !doc.IsObject()) return p;
  auto it = doc.FindMember("autoLockMinutes");
  if (it != doc.MemberEnd() && it->value.IsInt() && it->value.GetInt() >= 0 && it->value.GetInt() <= 24 * 60) {
    p.autoLockMinutes = it->value.GetInt();
  }
  it = doc.FindMember("lockOnHide");
  if (it != doc.MemberEnd() && it->value.IsBool()) p.lockOnHide = it->value.GetBool();
  it = doc.FindMember("discreet");
  if (it != doc.MemberEnd() && it->value.IsBool()) p.discreet = it->value.GetBool();
  return p;
}

std::string encodeVaultPrefs(const VaultPrefs& p) {
  return "{\"autoLockMinutes\":" + std::to_string(p.autoLockMinutes) + ",\"lockOnHide\":" + (p.lockOnHide ? "true" : "false") +
         ",\"discreet\":" + (p.discreet ? "true" : "false") + "}";
}

Vault::Vault(RecordStore& store) : m_store(store) {}

Vault::~Vault() { forgetKey(); }

void Vault::forgetKey() {
  m_store.setSealer(nullptr, false);
  m_key.reset();  // DataKey wipes itself
}

VaultStatus Vault::open() {
  m_problem.clear();
  auto text = m_store.readMetaFile(kVaultFileName);
  if (!text) {
    if (text.error().code() == ErrorCode::NotFound) {
      m_status = VaultStatus::Off;
      return m_status;
    }
    m_problem = "The vault's settings could not be read (" + text.error().message() + ").";
  } else if (auto file = decodeVaultFile(text.value()); !file) {
    m_problem = "The vault's settings could not be read (" + file.error().message() + "). Nothing was changed.";
  } else {
    m_file = file.value();
  }
  m_status = VaultStatus::Locked;
  m_store.lock();
  return m_status;
}

Status Vault::writeFile() { return m_store.writeMetaFile(kVaultFileName, encodeVaultFile(m_file)); }

Status Vault::unlock(const std::string& passphrase, int64_t nowMs, Load load, const PassphraseKey* derived) {
  if (m_status != VaultStatus::Locked) return Status::ok();
  if (!m_problem.empty()) return invalid(m_problem);
  if (nowMs < m_retryAtMs) return invalid("That passphrase did not open Toward. You can try again in a moment.");
  auto key = unwrapKey(m_file, passphrase, derived);
  if (!key) {
    if (key.error().code() != ErrorCode::Invalid) return key.error();
    ++m_failures;
    const int64_t pause = std::min<int64_t>(kMaxPauseMs, int64_t(1000) << std::min(m_failures - 1, 5));
    // The pause counts from the refusal, not from the try: the key work itself may take a second on a
    // slow or busy device, and the pause would be over before the person reads the words.
    m_retryAtMs = std::max(nowMs, m_store.now()) + pause;
    return invalid("That passphrase did not open it. Nothing has changed; take your time and try again.");
  }
  m_failures = 0;
  m_retryAtMs = 0;
  m_key = std::move(key.value());
  m_store.setSealer(m_key.get(), m_file.state != VaultState::Disabling);
  m_status = VaultStatus::Unlocked;
  if (load == Load::Stepwise && m_file.state == VaultState::On) {
    m_store.beginLoad();
    return Status::ok();
  }
  m_store.load();
  return finishMigration();
}

Status Vault::finishMigration() {
  for (;;) {
    auto step = stepMigration(SIZE_MAX);
    if (!step) return step.error();
    if (step.value()) return Status::ok();
  }
}

Result<bool> Vault::stepMigration(size_t count) {
  if (m_status != VaultStatus::Unlocked || m_file.state == VaultState::On) {
    m_plan.clear();
    m_planActive = false;
    m_stepping = false;
    return true;
  }
  if (!m_planActive) {
    m_plan = m_store.rewritePlan();
    m_planDone = 0;
    m_planActive = true;
  }
  for (; count > 0 && m_planDone < m_plan.size(); --count, ++m_planDone) {
    if (auto s = m_store.rewriteOne(m_plan[m_planDone]); !s) {
      m_planActive = false;  // stopped: resume() (or the next unlock) starts again from a fresh plan
      m_stepping = false;
      m_plan.clear();
      return s;
    }
  }
  if (m_planDone < m_plan.size()) return false;
  m_plan.clear();
  m_planActive = false;
  m_stepping = false;
  if (m_file.state == VaultState::Enabling) {
    m_file.state = VaultState::On;
    if (auto s = writeFile(); !s) {
      m_file.state = VaultState::Enabling;
      return s;
    }
    return true;
  }
  // Disabling: every file is plain again; the unlock file goes last.
  if (auto s = m_store.removeMetaFile(kVaultFileName); !s) return s;
  forgetKey();
  m_file = VaultFile{};
  m_status = VaultStatus::Off;
  return true;
}

double Vault::migrationProgress() const {
  if (!migrating()) return 1.0;
  if (!m_planActive || m_plan.empty()) return 0.0;
  return double(m_planDone) / double(m_plan.size());
}

void Vault::lock() {
  if (m_status != VaultStatus::Unlocked) return;
  m_plan.clear();
  m_planActive = false;
  m_stepping = false;
  m_store.lock();
  forgetKey();
  m_status = VaultStatus::Locked;
}

Status Vault::enable(const std::string& passphrase, KdfParams kdf) {
  if (auto s = beginEnable(passphrase, kdf); !s) return s;
  return finishMigration();
}

Status Vault::disable(const std::string& passphrase) {
  if (auto s = beginDisable(passphrase); !s) return s;
  return finishMigration();
}

Status Vault::beginEnable(const std::string& passphrase, KdfParams kdf, const DerivedWrap* derived) {
  if (m_status != VaultStatus::Off) return invalid("The vault is already on.");
  if (m_store.readOnly() || m_store.locked() || m_store.opening()) {
    return invalid("Toward cannot change this now. Please try again in a moment.");
  }
  auto created = createVault(passphrase, kdf, derived);
  if (!created) return created.error();
  m_file = created.value().file;
  m_key = std::move(created.value().key);
  // The key is wrapped on disk before the first sealed file exists.
  if (auto s = writeFile(); !s) {
    forgetKey();
    m_file = VaultFile{};
    return s;
  }
  m_store.setSealer(m_key.get(), true);
  m_status = VaultStatus::Unlocked;
  m_stepping = true;
  return Status::ok();
}

Status Vault::beginDisable(const std::string& passphrase, const PassphraseKey* derived) {
  if (m_status != VaultStatus::Unlocked) return invalid("Please unlock first.");
  if (auto check = unwrapKey(m_file, passphrase, derived); !check) {
    return check.error().code() == ErrorCode::Invalid ? invalid("That passphrase did not fit, so your words stay sealed with it.") : check.error();
  }
  // Files that could not be opened would stay sealed for good once the key is gone.
  size_t sealedProblems = 0;
  for (const auto& p : m_store.problems()) {
    auto text = files::readFile(p.path);
    if (text && isSealedText(text.value())) ++sealedProblems;
  }
  if (sealedProblems > 0) {
    return invalid(std::to_string(sealedProblems) + " sealed " + (sealedProblems == 1 ? "item" : "items") +
                   " could not be opened, and would stay sealed for good without the vault, so it stays on.");
  }
  m_file.state = VaultState::Disabling;
  if (auto s = writeFile(); !s) {
    m_file.state = VaultState::On;
    return s;
  }
  m_store.setSealer(m_key.get(), false);
  m_stepping = true;
  return Status::ok();
}

Status Vault::changePassphrase(const std::string& current, const std::string& next, KdfParams kdf,
                               const PassphraseKey* currentKey, const DerivedWrap* nextWrap) {
  if (m_status != VaultStatus::Unlocked || !m_key) return invalid("Please unlock first.");
  if (auto check = unwrapKey(m_file, current, currentKey); !check) {
    return check.error().code() == ErrorCode::Invalid ? invalid("The current passphrase did not fit; nothing was changed.") : check.error();
  }
  auto rewrapped = rewrapKey(m_file, *m_key, next, kdf, nextWrap);
  if (!rewrapped) return rewrapped.error();
  const VaultFile before = m_file;
  m_file = rewrapped.value();
  if (auto s = writeFile(); !s) {
    m_file = before;
    return s;
  }
  return Status::ok();
}

Status Vault::setPrefs(const VaultPrefs& prefs) {
  if (m_status != VaultStatus::Unlocked) return invalid("Please unlock first.");
  const std::string before = m_file.prefs;
  m_file.prefs = encodeVaultPrefs(prefs);
  if (auto s = writeFile(); !s) {
    m_file.prefs = before;
    return s;
  }
  return Status::ok();
}

}  // namespace toward::core::vault
