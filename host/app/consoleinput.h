#pragma once

#include <QPlainTextEdit>

class QCompleter;
class QStringListModel;

namespace objcap::host {

// The console's input editor: Enter submits, Shift+Enter starts a new line, Up/Down on the
// first/last line walk the history, Tab completes (or indents where there is nothing to
// complete), Ctrl+L clears the output, Ctrl+C without a selection discards the entry.
// It only edits and asks; ConsoleWidget decides.
class ConsoleInput : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit ConsoleInput(QWidget *parent = nullptr);

    // The text from the start of the line up to the cursor: what completion looks at.
    QString textBeforeCursor() const;
    // Replaces the `replace` characters before the cursor with `text`.
    void insertCompletion(const QString &text, int replace);
    // Offers `candidates` for the `prefix` just before the cursor in a popup.
    void showCompletions(const QStringList &candidates, const QString &prefix);
    bool completionsVisible() const;
    void replaceAll(const QString &text);  // e.g. a history entry, cursor at the end

signals:
    void submitRequested();
    void historyRequested(int step);  // -1: older, +1: newer
    void completionRequested();
    void clearRequested();
    void discardRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QCompleter *m_completer;
    QStringListModel *m_candidates;
    QString m_completionPrefix;
};

} // namespace objcap::host
