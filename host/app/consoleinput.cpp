#include "consoleinput.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>

namespace objcap::host {

ConsoleInput::ConsoleInput(QWidget *parent)
    : QPlainTextEdit(parent), m_completer(new QCompleter(this)), m_candidates(new QStringListModel(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabChangesFocus(false);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    m_completer->setModel(m_candidates);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseSensitive);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &text) { insertCompletion(text, int(m_completionPrefix.size())); });
}

QString ConsoleInput::textBeforeCursor() const
{
    const QTextCursor cursor = textCursor();
    return cursor.block().text().left(cursor.positionInBlock());
}

void ConsoleInput::insertCompletion(const QString &text, int replace)
{
    QTextCursor cursor = textCursor();
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, replace);
    cursor.insertText(text);
    setTextCursor(cursor);
}

void ConsoleInput::showCompletions(const QStringList &candidates, const QString &prefix)
{
    m_completionPrefix = prefix;
    m_candidates->setStringList(candidates);
    m_completer->setCompletionPrefix(prefix);
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0) + m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(rect);
}

bool ConsoleInput::completionsVisible() const
{
    return m_completer->popup()->isVisible();
}

void ConsoleInput::replaceAll(const QString &text)
{
    setPlainText(text);
    moveCursor(QTextCursor::End);
}

void ConsoleInput::keyPressEvent(QKeyEvent *event)
{
    // The completion popup takes the keys that choose or dismiss; it sees them first.
    if (completionsVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore();
            return;
        default:
            break;
        }
    }
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const QTextCursor cursor = textCursor();
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (modifiers & Qt::ShiftModifier) {
            insertPlainText(QStringLiteral("\n"));
            return;
        }
        if (modifiers == Qt::NoModifier) {
            emit submitRequested();
            return;
        }
        break;
    case Qt::Key_Up:
        if (modifiers == Qt::NoModifier && cursor.blockNumber() == 0) {
            emit historyRequested(-1);
            return;
        }
        break;
    case Qt::Key_Down:
        if (modifiers == Qt::NoModifier && cursor.blockNumber() == blockCount() - 1) {
            emit historyRequested(+1);
            return;
        }
        break;
    case Qt::Key_Tab:
        if (modifiers == Qt::NoModifier) {
            const QString before = textBeforeCursor();
            if (before.trimmed().isEmpty() || before.back().isSpace())
                insertPlainText(QString(4 - before.size() % 4, u' '));
            else
                emit completionRequested();
            return;
        }
        break;
    case Qt::Key_L:
        if (modifiers == Qt::ControlModifier) {
            emit clearRequested();
            return;
        }
        break;
    case Qt::Key_C:
        if (modifiers == Qt::ControlModifier && !cursor.hasSelection()) {
            emit discardRequested();
            return;
        }
        break;
    default:
        break;
    }
    QPlainTextEdit::keyPressEvent(event);
    // Typing on narrows the offered names; typing past them closes the popup.
    if (completionsVisible()) {
        const QString before = textBeforeCursor();
        qsizetype start = before.size();
        while (start > 0 && (before[start - 1].isLetterOrNumber() || before[start - 1] == u'_'))
            --start;
        m_completionPrefix = before.sliced(start);
        m_completer->setCompletionPrefix(m_completionPrefix);
        if (m_completer->completionCount() == 0)
            m_completer->popup()->hide();
    }
}

} // namespace objcap::host
