#include "documentbridge.h"

#include <objcap/callback.h>
#include <objcap/capability.h>

#include <QPlainTextEdit>
#include <QTextCursor>

namespace objcap::host {

DocumentBridge::DocumentBridge(QPlainTextEdit *editor)
    : QObject(editor), m_editor(editor), m_shared(std::make_shared<Shared>(this))
{
    m_changeTimer.setSingleShot(true);
    m_changeTimer.setInterval(changeDelayMs);
    connect(&m_changeTimer, &QTimer::timeout, this, &DocumentBridge::notifyListeners);
    connect(editor, &QPlainTextEdit::textChanged, this, [this] {
        refresh();
        m_changeTimer.start();
    });
    connect(editor, &QPlainTextEdit::cursorPositionChanged, this, &DocumentBridge::refreshCursor);
    connect(editor, &QPlainTextEdit::selectionChanged, this, &DocumentBridge::refreshCursor);
    refresh();
}

DocumentBridge::~DocumentBridge()
{
    m_shared->relay.detach();
    disconnect(m_editor, nullptr, this, nullptr);
}

void DocumentBridge::setFileName(const QString &name)
{
    std::lock_guard lock(m_shared->mutex);
    m_shared->fileName = name;
}

// While plugin edits wait in the queue the snapshot already shows them (DocumentCapability
// applies each to it when queued); refreshing from the editor then would briefly take a plugin's
// own writes away from it, so the refresh waits for the queue to drain.
bool DocumentBridge::editsPending()
{
    std::lock_guard lock(m_shared->mutex);
    return m_shared->pendingEdits > 0;
}

void DocumentBridge::refresh()
{
    if (editsPending())
        return;
    QString text = m_editor->toPlainText();  // outside the lock: the plugin's thread never waits on this
    std::lock_guard lock(m_shared->mutex);
    if (m_shared->pendingEdits > 0)
        return;
    std::swap(m_shared->text, text);  // the old copy is freed after the lock is released
    m_shared->revision += 1;
    storeCursor();
}

void DocumentBridge::refreshCursor()
{
    std::lock_guard lock(m_shared->mutex);
    if (m_shared->pendingEdits == 0)
        storeCursor();
}

void DocumentBridge::storeCursor()
{
    const QTextCursor cursor = m_editor->textCursor();
    m_shared->selectionStart = std::min<qsizetype>(cursor.selectionStart(), m_shared->text.size());
    m_shared->selectionEnd = std::min<qsizetype>(cursor.selectionEnd(), m_shared->text.size());
    m_shared->cursor = std::min<qsizetype>(cursor.position(), m_shared->text.size());
}

void DocumentBridge::notifyListeners()
{
    std::vector<objcap::Value::CallbackRef> due;
    {
        std::lock_guard lock(m_shared->mutex);
        auto &listeners = m_shared->listeners;
        std::erase_if(listeners, [](const Shared::Listener &l) { return l.owner.expired(); });
        for (const auto &l : listeners) {
            auto owner = l.owner.lock();
            if (owner && !owner->revoked())
                due.push_back(l.callback);
        }
    }
    for (const auto &callback : due)
        callback->post({});
}

void DocumentBridge::replaceSelection(const QString &text)
{
    QTextCursor cursor = m_editor->textCursor();
    cursor.beginEditBlock();
    cursor.insertText(text);
    cursor.endEditBlock();
    m_editor->setTextCursor(cursor);
    applied(text);
}

void DocumentBridge::insert(const QString &text, qsizetype position)
{
    QTextCursor cursor(m_editor->document());
    const qsizetype end = m_editor->document()->characterCount() - 1;  // minus the final paragraph separator
    cursor.setPosition(position < 0 ? m_editor->textCursor().position() : std::clamp<qsizetype>(position, 0, end));
    cursor.beginEditBlock();
    cursor.insertText(text);
    cursor.endEditBlock();
    applied(text);
}

void DocumentBridge::applied(const QString &text)
{
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->pendingEdits -= 1;
        m_shared->pendingBytes -= text.size() * qint64(sizeof(QChar));
    }
    refresh();
}

} // namespace objcap::host
