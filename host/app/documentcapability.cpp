#include "documentcapability.h"

#include "documenteditor.h"
#include "textoffsets.h"

namespace objcap::host {

using objcap::ErrorCode;
using objcap::Result;
using objcap::Value;

namespace {

std::string utf8(const QString &text)
{
    return text.toStdString();
}

} // namespace

DocumentCapability::DocumentCapability(std::shared_ptr<DocumentBridge::Shared> shared)
    : Capability("document"), m_shared(std::move(shared))
{
}

std::shared_ptr<objcap::Capability> DocumentCapability::create(DocumentEditor *editor)
{
    return std::make_shared<DocumentCapability>(editor->bridge()->shared());
}

std::string DocumentCapability::scope() const
{
    std::lock_guard lock(m_shared->mutex);
    return m_shared->fileName.isEmpty() ? std::string("untitled") : utf8(m_shared->fileName);
}

std::vector<std::string> DocumentCapability::methods() const
{
    return {"cursor", "insert", "on_change", "replace_selection", "selection", "selection_range", "text"};
}

// Edits are audited by size, not content: the text may be the user's.
std::string DocumentCapability::auditTarget(const objcap::Arguments &arguments) const
{
    if (!arguments.positional().empty() && arguments.positional().front().is<std::string>())
        return std::to_string(arguments.positional().front().as<std::string>().size()) + " bytes";
    return {};
}

Result<Value> DocumentCapability::call(const std::string &method, const objcap::Arguments &args)
{
    if (method == "replace_selection" || method == "insert")
        return edit(args, method == "replace_selection");
    if (method == "on_change")
        return onChange(args);
    if (Result<void> ok = args.expect(0, {}); !ok)
        return ok.error();
    QString text;  // shares the snapshot's data: the work below happens outside the lock
    qsizetype start, end, cursor;
    {
        std::lock_guard lock(m_shared->mutex);
        text = m_shared->text;
        start = m_shared->selectionStart;
        end = m_shared->selectionEnd;
        cursor = m_shared->cursor;
    }
    if (method == "text")
        return Value(utf8(text));
    if (method == "selection")
        return Value(utf8(text.mid(start, end - start)));
    if (method == "selection_range")
        return Value(Value::List{Value(textoffsets::codePoints(text, start)), Value(textoffsets::codePoints(text, end))});
    if (method == "cursor")
        return Value(textoffsets::codePoints(text, cursor));
    return objcap::Error::make(ErrorCode::InvalidArgument, "'document' capability has no method '" + method + "'");
}

Result<Value> DocumentCapability::edit(const objcap::Arguments &args, bool replace)
{
    auto text = args.string(0, "text");
    if (!text)
        return text.error();
    Result<Value> position = replace ? Result<Value>(Value()) : args.get(1, "position", Value());
    if (Result<void> ok = replace ? args.expect(1, {"text"}) : args.expect(2, {"text", "position"}); !ok)
        return ok.error();
    if (!position)
        return position.error();
    if (!position->isNone() && !position->is<std::int64_t>())
        return objcap::Error::make(ErrorCode::InvalidArgument, "insert() argument 'position' must be int or None");
    if (text->size() > static_cast<std::size_t>(maxText))
        return objcap::Error::make(ErrorCode::InvalidValue, args.method() + "() argument 'text' is larger than 16 MiB");
    const QString inserted = QString::fromStdString(text.value());
    const qint64 bytes = inserted.size() * qint64(sizeof(QChar));

    // A consistent view of the document, taken in O(1) under the lock; the edit is worked out
    // on it outside the lock and made the new snapshot only if nothing changed meanwhile.
    QString base;
    qsizetype selectionStart, selectionEnd, cursor;
    quint64 revision;
    {
        std::lock_guard lock(m_shared->mutex);
        base = m_shared->text;
        selectionStart = m_shared->selectionStart;
        selectionEnd = m_shared->selectionEnd;
        cursor = m_shared->cursor;
        revision = m_shared->revision;
    }
    qsizetype at;
    if (replace) {
        at = selectionStart;
    } else if (position->isNone()) {
        at = cursor;
    } else {
        const std::int64_t wanted = position->as<std::int64_t>();
        const std::int64_t length = textoffsets::codePoints(base, base.size());
        if (wanted < 0 || wanted > length)
            return objcap::Error::make(ErrorCode::InvalidValue, "insert() position " + std::to_string(wanted) +
                                                                    " is outside the document (0.." +
                                                                    std::to_string(length) + ")");
        at = textoffsets::units(base, wanted);
    }
    const qsizetype removed = replace ? selectionEnd - selectionStart : 0;
    if (base.size() - removed + inserted.size() > maxDocument)
        return objcap::Error::make(ErrorCode::Refused, "the document would grow beyond 64 Mi characters");
    QString next = base;
    next.replace(at, removed, inserted);
    auto shift = [&](qsizetype &p) {
        if (p >= at + removed)
            p += inserted.size() - removed;
        else if (p > at)
            p = at;
    };
    if (replace) {
        selectionStart = selectionEnd = cursor = at + inserted.size();
    } else {
        shift(selectionStart);
        shift(selectionEnd);
        shift(cursor);
    }

    std::lock_guard lock(m_shared->mutex);
    if (m_shared->pendingEdits >= maxPendingEdits || m_shared->pendingBytes + bytes > maxPendingBytes)
        return objcap::Error::make(ErrorCode::Refused, "the editor is busy: too many edits are waiting to be applied");
    const qsizetype guiPosition = replace || position->isNone() ? -1 : at;
    const bool queued = m_shared->relay.post([replace, inserted, guiPosition](DocumentBridge &bridge) {
        if (replace)
            bridge.replaceSelection(inserted);
        else
            bridge.insert(inserted, guiPosition);
    });
    if (!queued)
        return objcap::Error::make(ErrorCode::Refused, "the document has been closed");
    m_shared->pendingEdits += 1;
    m_shared->pendingBytes += bytes;
    // What the editor will show once it applies the edit, so the plugin reads its own writes.
    if (m_shared->revision == revision) {
        std::swap(m_shared->text, next);  // `next` now holds the old data, freed after unlocking
        m_shared->selectionStart = selectionStart;
        m_shared->selectionEnd = selectionEnd;
        m_shared->cursor = cursor;
        m_shared->revision += 1;
    }
    return Value();
}

Result<Value> DocumentCapability::onChange(const objcap::Arguments &args)
{
    auto callback = args.callback(0, "callback", /*allowNone=*/true);
    if (Result<void> ok = args.expect(1, {"callback"}); !ok)
        return ok.error();
    if (!callback)
        return callback.error();
    std::lock_guard lock(m_shared->mutex);
    auto &listeners = m_shared->listeners;
    const Capability *self = this;
    std::erase_if(listeners, [self](const DocumentBridge::Shared::Listener &l) {
        auto owner = l.owner.lock();
        return !owner || owner.get() == self;
    });
    if (callback.value())
        listeners.push_back({weak_from_this(), callback.value()});
    return Value();
}

} // namespace objcap::host
