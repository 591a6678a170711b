// plugins/safety_plan/safety_plan_card.h: pieces of the plan page shared with the page shown while
// locked: the "Call" and "Text" buttons of a person or line (real tel:/sms: links in the browser), the
// read-only plan, the calm words about what Toward is, and the locked page itself (ui::LockedPage).
#pragma once
#include <memory>
#include <string>

#include "core/record_store.h"
#include "core/ui/plugin_ui.h"
#include "plugins/safety_plan/safety_plan.h"

namespace toward::safety_plan {

// What Toward is, said calmly (the plan page; Settings has the same in its About section).
inline constexpr const char* kWhatTowardIs =
    "Toward is a companion to therapy, not a replacement for it, and not an emergency service. In an "
    "emergency, please call your local emergency number or a crisis line.";

// "Call" (and, with `offerText`, "Text") for one person or line; keys start with `keyPrefix`.
void DrawContactButtons(ui::ViewContext& ctx, const PlanContact& contact, const std::string& keyPrefix, bool offerText);
// The plan, read-only: every step with words, people and lines with their buttons.
void DrawReadOnlyPlan(ui::ViewContext& ctx, const SafetyPlan& plan);

// The plan on the lock screen and the quick-hide cover, when the person chose to keep it readable.
std::unique_ptr<ui::LockedPage> makeLockedPlanPage(core::RecordStore& store, core::Platform& platform);

}  // namespace toward::safety_plan
