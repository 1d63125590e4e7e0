#pragma once

#include "guirelay.h"

#include <objcap/value.h>

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <mutex>
#include <vector>

class QPlainTextEdit;

namespace objcap {
class Capability;
}

namespace objcap::host {

// The GUI-thread side of every `document` capability of one editor. Plugins never wait for the
// GUI: they read a snapshot (text, selection, cursor) this object refreshes on every change, and
// their edits are queued to the GUI thread through the relay, applied in order, one undo step
// each. A plugin's edit is also applied to the snapshot at once so that it reads its own writes;
// the next refresh replaces that guess with the editor's real state.
class DocumentBridge : public QObject {
    Q_OBJECT

public:
    static constexpr int changeDelayMs = 150;  // on_change callbacks wait for typing to pause

    // What plugin threads share with this object, under `mutex`, which neither side holds for
    // longer than a copy of an implicitly shared QString: O(n) work happens outside it.
    struct Shared {
        std::mutex mutex;
        QString text;                       // UTF-16, as the editor has it
        qsizetype selectionStart = 0, selectionEnd = 0, cursor = 0;
        quint64 revision = 0;               // of `text`, bumped by every refresh
        QString fileName;                   // for scope(); never a full path
        int pendingEdits = 0;               // queued and not yet applied
        qint64 pendingBytes = 0;
        struct Listener {
            std::weak_ptr<objcap::Capability> owner;  // expired or revoked: dropped
            objcap::Value::CallbackRef callback;
        };
        std::vector<Listener> listeners;
        GuiRelay<DocumentBridge> relay;
        explicit Shared(DocumentBridge *bridge) : relay(bridge) {}
    };

    explicit DocumentBridge(QPlainTextEdit *editor);
    ~DocumentBridge() override;

    const std::shared_ptr<Shared> &shared() const { return m_shared; }
    void setFileName(const QString &name);

    // GUI thread, queued by DocumentCapability. `position` in UTF-16 units; -1: the cursor.
    void replaceSelection(const QString &text);
    void insert(const QString &text, qsizetype position);

private:
    bool editsPending();
    void refresh();
    void refreshCursor();
    void storeCursor();  // under the mutex
    void notifyListeners();
    void applied(const QString &text);

    QPlainTextEdit *m_editor;
    std::shared_ptr<Shared> m_shared;
    QTimer m_changeTimer;
};

} // namespace objcap::host
