// core/ids.h: new record ids: 10 characters of time (sortable) + 10 random, Crockford base32.
#pragma once
#include <cstdint>
#include <string>

namespace toward::core {

// A fresh id for a record created at `nowMs`; unique with overwhelming probability.
std::string newRecordId(int64_t nowMs);

}  // namespace toward::core
