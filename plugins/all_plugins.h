// plugins/all_plugins.h: the one list of plugins, for the apps (web/app.cpp and the command-line tool
// in cli/). Core's libraries never include this; only executables do.
#pragma once
#include "core/registry.h"

namespace toward::plugins {

// Registers the core's record types and every plugin (their record types and navigation entries), in
// the order the app shows them.
core::Status registerAll(core::Registry& registry);

}  // namespace toward::plugins
