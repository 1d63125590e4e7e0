#pragma once

#include "pluginhost.h"

class QWidget;

namespace objcap::host {

// The run-time question for an optional capability a plugin asks for after a user action:
// Allow once (this run only), Always allow (saved as a grant), or Deny. Non-blocking: the
// answer arrives when the user clicks. A files or file grant then asks which folder or file.
class ConsentPrompt {
public:
    static void ask(QWidget *parent, const PluginHost::ConsentRequest &request,
                    std::function<void(PluginHost::Consent, QString scope)> answer);
};

} // namespace objcap::host
