// core/ui/imconfig_toward.h: Dear ImGui build options for Toward (IMGUI_USER_CONFIG).
#pragma once
// 32-bit indices: long letters make big draw lists.
#define ImDrawIdx unsigned int
