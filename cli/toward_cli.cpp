// cli/toward_cli.cpp: toward-cli, Toward's command-line tool for backups (native only).
//   toward-cli decrypt FILE                      plaintext to stdout (like `age -d`)
//   toward-cli encrypt FILE [--work-factor N] [-a]  age file to stdout (passphrase/scrypt recipient)
//   toward-cli backup verify FILE                checks the backup document, prints counts per plugin
//   toward-cli backup markdown FILE DIR          writes every journal entry and letter as Markdown into DIR
//                                                (records that cannot be read are named on stderr and left out)
// FILE may be "-" for standard input. Passphrase: TOWARD_PASSPHRASE, else asked on the terminal.
// Exit codes: 0 ok, 1 usage or I/O, 2 wrong passphrase, 3 malformed header or armor, 4 header MAC
// mismatch, 5 damaged or truncated payload, 6 valid age file but not a valid backup document.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/backup/age_format.h"
#include "core/time_format.h"
#include "core/backup/backup_document.h"
#include "core/backup/backup_merge.h"
#include "cli/cli_io.h"
#include "core/record_store.h"
#include "core/registry.h"
#include "plugins/plugin_table.h"

namespace {

using namespace toward;
namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: toward-cli decrypt FILE\n"
    "       toward-cli encrypt FILE [--work-factor N] [-a|--armor]\n"
    "       toward-cli backup verify FILE\n"
    "       toward-cli backup markdown FILE DIR\n"
    "FILE may be - for standard input. The passphrase comes from TOWARD_PASSPHRASE, else the terminal.\n";

int usage() {
  std::fputs(kUsage, stderr);
  return 1;
}

int fail(const backup::BackupError& e) {
  std::fprintf(stderr, "toward-cli: %s%s%s\n", e.message().c_str(), e.detail.empty() ? "" : " (",
               e.detail.empty() ? "" : (e.detail + ")").c_str());
  return e.exitCode();
}

int ioFail(const std::string& what) {
  std::fprintf(stderr, "toward-cli: %s\n", what.c_str());
  return 1;
}

// Every record type the app knows (plugins/plugin_table.h), so a backup of any of them verifies.
core::Registry makeRegistry() {
  core::Registry registry;
  plugins::registerAll(registry);
  return registry;
}

int64_t nowMs() { return int64_t(std::time(nullptr)) * 1000; }

std::string isoDay(int64_t ms) { return core::formatIsoDateUtc(ms); }

// Reads, asks the passphrase, decrypts: the plaintext, or an exit code.
bool openFile(const std::string& path, std::string& plain, int& code) {
  std::string error;
  auto file = cli::readAll(path, error);
  if (!file) { code = ioFail(error); return false; }
  auto pass = cli::readPassphrase(false, error);
  if (!pass) { code = ioFail(error); return false; }
  auto decrypted = backup::ageDecrypt(*file, *pass);
  if (!decrypted) { code = fail(decrypted.error()); return false; }
  plain = std::move(decrypted.value());
  return true;
}

bool openDocument(const std::string& path, const core::Registry& registry, backup::BackupDocument& doc, int& code) {
  std::string plain;
  if (!openFile(path, plain, code)) return false;
  auto parsed = backup::parseDocument(plain);
  if (!parsed) { code = fail(parsed.error()); return false; }
  if (auto c = backup::checkAgainstRegistry(parsed.value(), registry); !c) { code = fail(c.error()); return false; }
  doc = std::move(parsed.value());
  return true;
}

int cmdDecrypt(const std::vector<std::string>& args) {
  if (args.size() != 1) return usage();
  std::string plain;
  int code = 0;
  if (!openFile(args[0], plain, code)) return code;
  return cli::writeStdout(plain) ? 0 : ioFail("could not write to standard output");
}

int cmdEncrypt(const std::vector<std::string>& args) {
  std::string path;
  backup::AgeEncryptOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--work-factor" && i + 1 < args.size()) {
      const std::string& v = args[++i];
      if (v.empty() || v.size() > 3 || v.find_first_not_of("0123456789") != std::string::npos) return usage();
      options.workFactor = std::atoi(v.c_str());
    } else if (args[i] == "-a" || args[i] == "--armor") {
      options.armor = true;
    } else if (path.empty()) {
      path = args[i];
    } else {
      return usage();
    }
  }
  if (path.empty()) return usage();
  if (options.workFactor < 1 || options.workFactor > backup::kMaxWorkFactor) {
    return fail(backup::backupError(backup::BackupErrorKind::WorkFactorTooHigh, "--work-factor must be 1..22"));
  }
  std::string error;
  auto file = cli::readAll(path, error);
  if (!file) return ioFail(error);
  auto pass = cli::readPassphrase(true, error);
  if (!pass) return ioFail(error);
  auto encrypted = backup::ageEncrypt(*file, *pass, options);
  if (!encrypted) return fail(encrypted.error());
  return cli::writeStdout(encrypted.value()) ? 0 : ioFail("could not write to standard output");
}

int cmdVerify(const std::vector<std::string>& args) {
  if (args.size() != 1) return usage();
  const core::Registry registry = makeRegistry();
  backup::BackupDocument doc;
  int code = 0;
  if (!openDocument(args[0], registry, doc, code)) return code;
  const backup::BackupPreview p = backup::previewDocument(doc);
  std::printf("Toward backup, format %u, made %s by Toward %s\n", doc.format, isoDay(doc.createdMs).c_str(),
              doc.app.empty() ? "?" : doc.app.c_str());
  std::printf("records: %zu, in the trash: %zu\n", p.records, p.trashed);
  for (const auto& [plugin, n] : p.byPlugin) std::printf("plugin %s: %zu\n", plugin.c_str(), n);
  for (const auto& [type, n] : p.byType) std::printf("  %s: %zu\n", type.c_str(), n);
  for (const auto& [type, n] : p.trashByType) std::printf("  trash %s: %zu\n", type.c_str(), n);
  if (p.records) std::printf("from %s to %s\n", isoDay(p.firstMs).c_str(), isoDay(p.lastMs).c_str());
  std::printf("ok\n");
  return 0;
}

int cmdMarkdown(const std::vector<std::string>& args) {
  if (args.size() != 2) return usage();
  core::Registry registry = makeRegistry();
  std::string plain;
  int code = 0;
  if (!openFile(args[0], plain, code)) return code;
  auto parsed = backup::parseDocument(plain);
  if (!parsed) return fail(parsed.error());
  // As the app's import: a record that cannot be read is named and left out; the rest is written.
  auto checked = backup::checkDocument(std::move(parsed.value()), registry);
  if (!checked) return fail(checked.error());
  for (const auto& s : checked.value().doc().skipped) {
    std::fprintf(stderr, "left out %s%s %s: %s\n", s.trashed ? "trashed " : "", s.type.empty() ? "(no type)" : s.type.c_str(),
                 s.id.c_str(), s.why.c_str());
  }
  // The records go into a store held in memory only, so the plugins' own models write the Markdown and
  // nothing decrypted reaches the disk except the Markdown files asked for.
  core::RecordStore store = core::RecordStore::inMemory(registry, nowMs);
  auto merged = backup::mergeDocument(store, registry, checked.value());
  if (!merged) return ioFail(merged.error().message());
  const auto models = plugins::makeModels(store, registry);  // they write the Markdown
  const fs::path out(args[1]);
  size_t written = 0;
  std::error_code ec;
  for (const auto& f : registry.exportMarkdown()) {
    const fs::path target = out / f.path;
    fs::create_directories(target.parent_path(), ec);
    std::ofstream o(target, std::ios::binary);
    o << f.content;
    if (ec || !o) return ioFail("cannot write " + target.string());
    ++written;
  }
  std::printf("wrote %zu Markdown files to %s\n", written, out.string().c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage();
  if (!backup::cryptoReady()) return ioFail("libsodium could not start");
  const std::string cmd = args[0];
  args.erase(args.begin());
  if (cmd == "decrypt") return cmdDecrypt(args);
  if (cmd == "encrypt") return cmdEncrypt(args);
  if (cmd == "backup" && !args.empty()) {
    const std::string sub = args[0];
    args.erase(args.begin());
    if (sub == "verify") return cmdVerify(args);
    if (sub == "markdown") return cmdMarkdown(args);
  }
  return usage();
}
