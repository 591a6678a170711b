// plugins/texture_box/texture_box_plugin.cpp: the texture box's PluginSpec (see texture_box_plugin.h).
#include "plugins/texture_box/texture_box_plugin.h"

#include "plugins/texture_box/texture_box_model.h"

namespace toward::texture_box {

const core::PluginSpec& plugin() {
  static const core::PluginSpec spec{
      {"texture_box", "Texture box", "Soothing things to touch, and a way back to now."},
      registerTextureBox,
      core::makeAttachedModel<TextureBoxModel>};
  return spec;
}

}  // namespace toward::texture_box
