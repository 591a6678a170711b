// cli/cli_io.cpp: see cli_io.h.
#include "cli/cli_io.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

namespace toward::cli {
namespace {

std::optional<std::string> askTerminal(const char* prompt, std::string& error) {
  const int fd = open("/dev/tty", O_RDWR | O_NOCTTY);
  if (fd < 0) {
    error = "no passphrase: set TOWARD_PASSPHRASE or run in a terminal";
    return std::nullopt;
  }
  termios old{};
  const bool isTty = tcgetattr(fd, &old) == 0;
  if (isTty) {
    termios quiet = old;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    quiet.c_lflag |= ECHONL;
    tcsetattr(fd, TCSAFLUSH, &quiet);
  }
  (void)!write(fd, prompt, std::strlen(prompt));
  std::string line;
  char c;
  while (read(fd, &c, 1) == 1 && c != '\n') {
    if (c != '\r') line.push_back(c);
  }
  if (isTty) tcsetattr(fd, TCSAFLUSH, &old);
  close(fd);
  return line;
}

}  // namespace

std::optional<std::string> readAll(const std::string& path, std::string& error) {
  std::ostringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open " + path + ": " + std::strerror(errno);
    return std::nullopt;
  }
  ss << in.rdbuf();
  if (in.bad()) {
    error = "cannot read " + path;
    return std::nullopt;
  }
  return ss.str();
}

bool writeStdout(const std::string& bytes) {
  return std::fwrite(bytes.data(), 1, bytes.size(), stdout) == bytes.size() && std::fflush(stdout) == 0;
}

std::optional<std::string> readPassphrase(bool confirm, std::string& error) {
  if (const char* env = std::getenv("TOWARD_PASSPHRASE")) return std::string(env);
  auto first = askTerminal("Passphrase: ", error);
  if (!first) return std::nullopt;
  if (first->empty()) {
    error = "the passphrase is empty";
    return std::nullopt;
  }
  if (confirm) {
    auto second = askTerminal("Confirm passphrase: ", error);
    if (!second) return std::nullopt;
    if (*second != *first) {
      error = "the passphrases did not match";
      return std::nullopt;
    }
  }
  return first;
}

}  // namespace toward::cli
