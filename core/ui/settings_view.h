// core/ui/settings_view.h: the settings page: theme, text size, motion, and where data lives.
#pragma once
#include "core/record_store.h"
#include "core/ui/view.h"

namespace toward::ui {

class VaultSection;

class SettingsView final : public View {
 public:
  explicit SettingsView(core::RecordStore& store) : m_store(store) {}
  void draw(ViewContext& ctx) override;
  // The vault's part of the page (owned by the shell), drawn when set.
  void setVaultSection(VaultSection* section) { m_vaultSection = section; }

 private:
  core::RecordStore& m_store;
  std::string m_error;
  std::string m_hideUrl;           // the quick-hide page as typed (saved once it is a web address)
  bool m_hideUrlKnown = false;
  VaultSection* m_vaultSection = nullptr;
};

}  // namespace toward::ui
