// core/backup/backup_open.cpp: see backup_open.h.
#include "core/backup/backup_open.h"

#include <sodium.h>

#include <algorithm>

namespace toward::backup {
namespace {

constexpr size_t kChunksPerUnit = 4;   // 256 KiB: well under a millisecond
// The phases' shares of the progress bar, by their time at 10,000 records (decrypt 31, read 119, check 62 ms).
constexpr double kDecryptShare = 0.15, kReadShare = 0.55;

void wipe(std::string& s) {
  if (!s.empty()) sodium_memzero(s.data(), s.size());
  s.clear();
}

}  // namespace

OpenJob::OpenJob(std::string_view ageFile, std::string passphrase, const core::Registry& registry, const AgeWrapKey* derived)
    : m_file(ageFile), m_passphrase(std::move(passphrase)), m_registry(registry) {
  if (derived) m_derived = *derived;
}

OpenJob::~OpenJob() {
  wipe(m_passphrase);
  if (m_derived) sodium_memzero(m_derived->key.data(), m_derived->key.size());
  m_reader.reset();
  wipe(m_plain);
}

void OpenJob::fail(BackupError error) {
  m_result = std::move(error);
  m_checker.reset();
  m_reader.reset();
  wipe(m_plain);
  m_phase = Phase::Done;
}

double OpenJob::progress() const {
  switch (m_phase) {
    case Phase::Begin: return 0.0;
    case Phase::Decrypt: return kDecryptShare * m_decryptor.progress();
    case Phase::Read: return kDecryptShare + kReadShare * (m_reader ? m_reader->progress() : 0.0);
    case Phase::Check: return kDecryptShare + kReadShare + (1.0 - kDecryptShare - kReadShare) * (m_checker ? m_checker->progress() : 0.0);
    case Phase::Done: return 1.0;
  }
  return 1.0;
}

void OpenJob::unit() {
  switch (m_phase) {
    case Phase::Begin: {
      auto began = m_decryptor.begin(m_file, m_passphrase, {}, m_derived ? &*m_derived : nullptr);
      wipe(m_passphrase);
      if (m_derived) sodium_memzero(m_derived->key.data(), m_derived->key.size());
      m_derived.reset();
      if (!began) return fail(began.error());
      m_phase = Phase::Decrypt;
      return;
    }
    case Phase::Decrypt: {
      auto stepped = m_decryptor.step(kChunksPerUnit);
      if (!stepped) return fail(stepped.error());
      if (!stepped.value()) return;
      m_plain = m_decryptor.take();
      m_reader.emplace(m_plain);
      m_phase = Phase::Read;
      return;
    }
    case Phase::Read: {
      if (!m_reader->stepFor(0.0, [] { return 0.0; })) return;   // one unit of its own
      auto doc = m_reader->take();
      m_reader.reset();
      wipe(m_plain);
      if (!doc) return fail(doc.error());
      m_checker.emplace(std::move(doc.value()), m_registry);
      m_phase = Phase::Check;
      return;
    }
    case Phase::Check: {
      if (!m_checker->step(1)) return;
      m_result = m_checker->take();
      m_checker.reset();
      m_phase = Phase::Done;
      return;
    }
    case Phase::Done: return;
  }
}

bool OpenJob::stepFor(double budgetMs, const std::function<double()>& clockMs) {
  const double start = clockMs();
  try {
    while (m_phase != Phase::Done) {
      unit();
      if (m_phase != Phase::Done && clockMs() - start >= budgetMs) return false;
    }
  } catch (const std::bad_alloc&) {
    fail(backupError(BackupErrorKind::TooLarge, "out of memory"));
  }
  return true;
}

bool OpenJob::step(size_t units) {
  size_t n = 0;   // a clock that says the budget is spent after `units` units
  return stepFor(double(std::max<size_t>(1, units)), [&] { return double(n++); });
}

void OpenJob::run() {
  while (!stepFor(1e18, [] { return 0.0; })) {
  }
}

BackupResult<CheckedDocument> OpenJob::take() {
  if (!done()) return backupError(BackupErrorKind::Io, "the backup is not open yet");
  BackupResult<CheckedDocument> out = std::move(m_result);
  m_result = CheckedDocument{};
  return out;
}

}  // namespace toward::backup
