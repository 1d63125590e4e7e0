#pragma once

#include "documentbridge.h"

#include <objcap/capability.h>

#include <memory>

namespace objcap::host {

class DocumentEditor;

// ctx.document: the editor's text, for one plugin. Positions are code-point indices into text()
// (Python str indices), so text()[start:end] == selection().
//
//   text() -> str
//   selection() -> str                    the selected text ("" if none)
//   selection_range() -> [start, end]     start == end == the cursor if nothing is selected
//   cursor() -> int
//   replace_selection(text) -> None       replaces the selection (or inserts at the cursor)
//   insert(text, position=None) -> None   at `position` (0..len(text())), or at the cursor
//   on_change(callback) -> None           callback() after the text changed and typing paused
//                                         (150 ms); None removes it; one per plugin. It also
//                                         follows the plugin's own edits: a listener that edits
//                                         must not react to its own change.
//
// Edits are queued to the editor, applied in order as one undo step each, and visible to the
// plugin's own reads at once (unless the user's typing refreshed the snapshot in between; the
// reads then catch up once the queue has drained). TypeError for wrong types; ValueError for a position out of range
// or text over maxText; CapabilityError when the document would exceed maxDocument or too many
// edits are still queued (the editor is busy).
class DocumentCapability : public objcap::Capability {
public:
    static constexpr qsizetype maxText = 16 * 1024 * 1024;       // UTF-8 bytes per argument
    static constexpr qsizetype maxDocument = 64 * 1024 * 1024;   // UTF-16 units
    static constexpr int maxPendingEdits = 1000;
    static constexpr qint64 maxPendingBytes = 64 * 1024 * 1024;

    explicit DocumentCapability(std::shared_ptr<DocumentBridge::Shared> shared);
    // GUI thread.
    static std::shared_ptr<objcap::Capability> create(DocumentEditor *editor);

    std::string scope() const override;
    std::vector<std::string> methods() const override;
    std::string auditTarget(const objcap::Arguments &arguments) const override;

protected:
    objcap::Result<objcap::Value> call(const std::string &method, const objcap::Arguments &arguments) override;

private:
    objcap::Result<objcap::Value> edit(const objcap::Arguments &arguments, bool replace);
    objcap::Result<objcap::Value> onChange(const objcap::Arguments &arguments);

    std::shared_ptr<DocumentBridge::Shared> m_shared;
};

} // namespace objcap::host
