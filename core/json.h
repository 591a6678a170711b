// core/json.h: the one way into rapidjson and cereal's JSON archives. cereal configures rapidjson
// (assertions throw instead of aborting, NaN handling), so every file must see the same settings:
// include this header instead of <rapidjson/...> or <cereal/archives/json.hpp> directly.
#pragma once
// Not kParseFullPrecisionFlag: in Debian's rapidjson 1.1 that path has undefined behaviour on some
// numbers (clz(0) in internal/diyfp.h, a negative shift in internal/strtod.h; found by our fuzzer).
// Record numbers are integers, which parse exactly either way; doubles may differ in the last bit.
#ifndef RAPIDJSON_PARSE_DEFAULT_FLAGS
#define RAPIDJSON_PARSE_DEFAULT_FLAGS kParseNanAndInfFlag
#endif
#include <cereal/archives/json.hpp>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
