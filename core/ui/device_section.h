// core/ui/device_section.h: the "Keeping Toward on this device" part of the settings page: installing
// the app, whether the browser promised to keep the data, how much room is used, and plain words on
// what a browser may do to data that is not protected.
#pragma once
#include "core/platform/platform.h"
#include "core/ui/fonts.h"

namespace toward::ui {

// Human sizes: "812 KB", "1.2 MB", "10 GB".
std::string formatBytes(double bytes);

// Draws the section into the current window.
void DeviceSection(core::Platform& platform, const Fonts& fonts);

}  // namespace toward::ui
