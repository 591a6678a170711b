// core/platform/key_work_web.h: the browser's Platform::deriveKeyAway: the job goes to a worker
// (web/glue/key_work.js) and its answer comes back between frames through toward_platform_key_done.
#pragma once
#include <functional>
#include <string>

#include "core/platform/platform.h"

namespace toward::core {

// Starts `job` in the key worker; false when the browser cannot run one (nothing started, `done` never
// called). The job's passphrase is wiped here either way.
bool startKeyWorkAway(PassphraseKeyJob& job, std::function<void(bool ok, std::string key)> done);

}  // namespace toward::core
