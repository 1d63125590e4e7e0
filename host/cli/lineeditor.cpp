#include "lineeditor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <cstdlib>
#include <string>

#include <editline/readline.h>
#include <unistd.h>

namespace objcap::cli {

namespace {
constexpr int historyLength = 1000;
}

LineEditor::LineEditor(QString historyFile)
    : m_historyFile(std::move(historyFile)), m_interactive(isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
{
    if (!m_interactive)
        return;
    using_history();
    stifle_history(historyLength);
    read_history(QFile::encodeName(m_historyFile).constData());
}

LineEditor::~LineEditor()
{
    if (!m_interactive)
        return;
    QDir().mkpath(QFileInfo(m_historyFile).path());
    write_history(QFile::encodeName(m_historyFile).constData());
}

std::optional<QString> LineEditor::readLine(const char *prompt)
{
    if (m_interactive) {
        char *line = readline(prompt);
        if (!line)
            return std::nullopt;
        const QString text = QString::fromUtf8(line);
        std::free(line);
        return text;
    }
    std::string line;
    for (int c; (c = std::getchar()) != EOF;) {
        if (c == '\n')
            return QString::fromStdString(line);
        line.push_back(static_cast<char>(c));
    }
    return line.empty() ? std::nullopt : std::optional<QString>(QString::fromStdString(line));
}

void LineEditor::remember(const QString &entry)
{
    if (m_interactive && !entry.trimmed().isEmpty())
        add_history(entry.toUtf8().constData());
}

} // namespace objcap::cli
