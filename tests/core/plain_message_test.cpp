// tests/core/plain_message_test.cpp: machine text never becomes what a person reads first.
#include <doctest/doctest.h>

#include "core/plain_message.h"

using namespace toward;

TEST_CASE("[plain message] our own sentences pass through; machine text moves behind Details") {
  const auto own = core::forPerson("Please choose a passphrase first.");
  CHECK(own.plain == "Please choose a passphrase first.");
  CHECK(own.detail.empty());

  for (const std::string& raw : {std::string("could not write /data/records/journal.entry/x.json: Input/output error"),
                                std::string("QuotaExceededError: The quota has been exceeded."),
                                std::string("Missing a comma or '}' after an object member.")}) {
    const auto m = core::forPerson(raw);
    CHECK(core::isMachineText(raw));
    CHECK(m.detail == raw);
    CHECK(m.plain.find("/data/") == std::string::npos);
    CHECK(m.plain.find("Error") == std::string::npos);
    CHECK(m.plain.find("Missing a comma") == std::string::npos);
    CHECK(m.plain.find("Your words are still here") != std::string::npos);
  }

  // A plain first part stays the headline; the parser's words go behind Details.
  const std::string parsed = "This journal entry could not be saved: it is not valid JSON (Missing a comma or '}' at character 5)";
  const auto m = core::forPerson(parsed);
  CHECK(m.plain.rfind("This journal entry could not be saved.", 0) == 0);
  CHECK(m.plain.find("JSON") == std::string::npos);
  CHECK(m.detail == parsed);
  CHECK(core::forPerson("").plain.empty());
}
