// tests/test_main.cpp: doctest's main for the core and model suite (native and wasm under node).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
