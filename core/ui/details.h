// core/ui/details.h: a calm problem message with its technical detail behind a "Details" control.
#pragma once
#include <string>

namespace toward::ui {

// Shows `plain` in the calm amber; when `detail` is not empty, a quiet "Details" button below it opens
// the detail (muted, for someone helping), and "Hide the details" closes it again.
void PlainProblem(const std::string& plain, const std::string& detail);

}  // namespace toward::ui
