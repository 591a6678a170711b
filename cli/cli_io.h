// cli/cli_io.h: the small pieces of terminal and file I/O toward-cli needs (native only).
#pragma once
#include <optional>
#include <string>

namespace toward::cli {

// The whole file ("-" = standard input), or nullopt with `error` set.
std::optional<std::string> readAll(const std::string& path, std::string& error);

// Writes bytes to standard output; false on a write error.
bool writeStdout(const std::string& bytes);

// TOWARD_PASSPHRASE when set, else asked on the terminal without echo (twice when `confirm`).
std::optional<std::string> readPassphrase(bool confirm, std::string& error);

}  // namespace toward::cli
