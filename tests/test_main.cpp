// tests/test_main.cpp: doctest's main for the core and model suite (native and wasm under node).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#ifndef __EMSCRIPTEN__
#include <cstdlib>
#include <ctime>

namespace {
// The native suite starts in UTC wherever it runs, the zone the tests that set one go back to: no test's
// outcome then hangs on the machine's zone or on which test ran before it. (wasm takes the host's zone.)
[[maybe_unused]] const bool kStartsInUtc = [] {
  setenv("TZ", "UTC0", 1);
  tzset();
  return true;
}();
}  // namespace
#endif
