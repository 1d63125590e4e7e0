#pragma once

#include <QString>

#include <optional>

namespace objcap::cli {

// Reads console lines: with libedit (editing, history saved to historyFile) on a terminal,
// plain reads from stdin otherwise. nullopt at end of input.
class LineEditor {
public:
    explicit LineEditor(QString historyFile);
    ~LineEditor();
    LineEditor(const LineEditor &) = delete;
    LineEditor &operator=(const LineEditor &) = delete;

    bool interactive() const { return m_interactive; }
    std::optional<QString> readLine(const char *prompt);
    // Adds a finished entry (possibly several lines) to the history.
    void remember(const QString &entry);

private:
    QString m_historyFile;
    bool m_interactive;
};

} // namespace objcap::cli
