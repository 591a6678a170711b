// core/ui/device_section.cpp: see device_section.h.
#include "core/ui/device_section.h"

#include <imgui.h>

#include <cstdio>
#include <cmath>
#include <string>

#include "core/ui/a11y.h"
#include "core/ui/theme.h"
#include "core/ui/widgets.h"

namespace toward::ui {

std::string formatBytes(double bytes) {
  if (bytes < 1000) return "less than 1 KB";
  const char* units[] = {"bytes", "KB", "MB", "GB", "TB"};
  int u = 0;
  while (bytes >= 1000 && u < 4) {
    bytes /= 1000;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 || bytes >= 100 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
  return buf;
}

void DeviceSection(core::Platform& platform, const Fonts& fonts) {
  Heading(fonts, "Keeping Toward on this device");

  // --- install
  ImGui::Spacing();
  ImGui::TextUnformatted("Installing");
  a11y::heading("Installing", 3);
  switch (platform.installState()) {
    case core::InstallState::Installed:
      MutedText("Toward is installed on this device. It opens in its own window and works without a network.");
      break;
    case core::InstallState::Available:
      MutedText("Installing puts Toward on your home screen or dock, opens it in its own window, and helps "
                "the browser keep your words.");
      if (PrimaryButton("Install Toward")) platform.promptInstall();
      break;
    case core::InstallState::Unavailable:
      MutedText("Toward can be installed from the browser's menu:");
      BodyText("  \xE2\x80\xA2 iPhone or iPad (Safari): tap Share, then \"Add to Home Screen\".");
      BodyText("  \xE2\x80\xA2 Android (Chrome): open the menu, then \"Install app\" or \"Add to Home screen\".");
      BodyText("  \xE2\x80\xA2 Computer (Chrome or Edge): the install button at the right end of the address bar.");
      MutedText("Some browsers, such as Firefox on a computer, do not install web apps; Toward works in a "
                "normal tab there too.");
      break;
  }

  // --- persistence
  ImGui::Spacing();
  ImGui::TextUnformatted("Keeping your data");
  a11y::heading("Keeping your data", 3);
  const core::StorageHealth health = platform.storageHealth();
  const Palette& p = palette();
  if (!health.known) {
    MutedText("This browser does not say whether it will keep Toward's data. A backup is the surest "
              "way to keep your words.");
  } else if (health.persisted) {
    MutedText("Your browser has agreed to keep Toward's data, even when the device runs low on space.");
  } else {
    MutedText("Your browser has not promised to keep Toward's data. Browsers may clear data of websites "
              "when the device runs low on space, and Safari removes the data of sites that have not "
              "been opened for 7 days unless they are added to the Home Screen. Installing Toward and "
              "keeping a backup protect your words.");
    if (!health.persistAsked) {
      if (health.askPrompts) MutedText("The browser will ask you whether to allow it.");
      if (QuietButton("Ask the browser to keep my data")) platform.requestPersistentStorage();
    } else if (health.askPrompts) {
      MutedText("The browser asked, and it is not keeping that promise for now. That is all right: a backup "
                "keeps your words safe either way, and the browser's settings for this site can change it.");
    } else {
      MutedText("Toward asked; the browser decides by itself (often after an app has been installed or "
                "used for a while).");
    }
  }

  // --- room
  if (health.usageBytes >= 0 && health.quotaBytes > 0) {
    ImGui::Spacing();
    const double share = health.usageBytes / health.quotaBytes;
    const std::string line = "Toward uses " + formatBytes(health.usageBytes) + " of the " +
                             formatBytes(health.quotaBytes) + " this browser allows it.";
    MutedText(line.c_str());
    if (share >= 0.8) {
      ImGui::PushStyleColor(ImGuiCol_Text, p.warning);
      const std::string words = "Storage is getting full (" + std::to_string(int(std::lround(share * 100.0))) +
                                " %). Making a backup and freeing some space on the device will keep new words safe.";
      ImGui::TextWrapped("%s", words.c_str());
      a11y::paragraph(words.c_str());
      ImGui::PopStyleColor();
    }
  }
}

}  // namespace toward::ui
