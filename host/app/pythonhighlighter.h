#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <QTextFormat>

namespace objcap::host {

// Python syntax colours for the console's input and its echo of what ran: keywords, builtins,
// strings (triple-quoted ones across lines), numbers, comments, decorators.
//
// In code-blocks-only mode (the console's output view) only blocks whose block format carries
// PromptProperty are Python; its value is the length of the prompt ("... ") to skip. Everything
// else there (what the plugin printed) keeps its own formats.
class PythonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    static constexpr int PromptProperty = QTextFormat::UserProperty + 1;

    explicit PythonHighlighter(QTextDocument *document, bool codeBlocksOnly = false);

protected:
    void highlightBlock(const QString &text) override;

private:
    enum BlockState { Code = 0, InSingleTriple = 1, InDoubleTriple = 2 };
    // Formats a string starting at `start` (after any prefix letters); returns where it ends,
    // or -1 when a triple-quoted string runs on past this line.
    int string(const QString &text, qsizetype start, qsizetype quoteAt);

    bool m_codeBlocksOnly;
    QTextCharFormat m_keyword, m_builtin, m_string, m_number, m_comment, m_decorator, m_definition;
};

} // namespace objcap::host
