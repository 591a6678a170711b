// core/json.h: the one way into rapidjson and cereal's JSON archives. cereal configures rapidjson
// (assertions throw instead of aborting, NaN handling), so every file must see the same settings:
// include this header instead of <rapidjson/...> or <cereal/archives/json.hpp> directly.
#pragma once
#include <cereal/archives/json.hpp>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
