#include "consolewidget.h"

#include "consoleinput.h"
#include "pythonhighlighter.h"

#include <QCheckBox>
#include <QDirIterator>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMetaEnum>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <chrono>

namespace objcap::host {

namespace {

constexpr auto pollInterval = std::chrono::milliseconds(10);
constexpr auto reloadDelay = std::chrono::milliseconds(300);  // editors save in several steps
constexpr int watchedFilesLimit = 500;

const QString primaryPrompt = QStringLiteral(">>> ");
const QString continuationPrompt = QStringLiteral("... ");

QString historyKey(const QString &pluginId)
{
    return QStringLiteral("console/%1/history").arg(pluginId);
}

template <typename T>
bool ready(const std::shared_future<T> &future)
{
    return future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

QTextCharFormat coloured(const char *colour, bool italic = false)
{
    QTextCharFormat format;
    if (colour)
        format.setForeground(QColor(QString::fromLatin1(colour)));
    format.setFontItalic(italic);
    return format;
}

QString stateName(PluginInstance::State state)
{
    return QString::fromLatin1(QMetaEnum::fromType<PluginInstance::State>().valueToKey(int(state)));
}

// The sandbox's own names for a completion: validated names only ever reach the expression.
QString completionExpression(const QString &object, const QString &prefix)
{
    const QString hidePrivate = prefix.startsWith(u'_') ? QString() : QStringLiteral(" and not n.startswith('_')");
    if (object.isEmpty())
        return QStringLiteral("sorted({n for n in dir() + list(__builtins__ if isinstance(__builtins__, dict) "
                              "else dir(__builtins__)) if n.startswith('%1')%2})")
            .arg(prefix, hidePrivate);
    return QStringLiteral("sorted({n for n in dir(%1) if n.startswith('%2')%3})").arg(object, prefix, hidePrivate);
}

QString commonPrefix(const QStringList &words)
{
    QString common = words.value(0);
    for (const QString &word : words) {
        qsizetype n = 0;
        while (n < common.size() && n < word.size() && common[n] == word[n])
            ++n;
        common.truncate(n);
    }
    return common;
}

QString indentation(const QString &line)
{
    qsizetype n = 0;
    while (n < line.size() && (line[n] == u' ' || line[n] == u'\t'))
        ++n;
    return line.left(n);
}

} // namespace

ConsoleWidget::ConsoleWidget(PluginInstance *instance, Plugin plugin, QWidget *parent)
    : QWidget(parent), m_instance(instance), m_plugin(std::move(plugin)), m_state(new QLabel(this)),
      m_reload(new QPushButton(tr("Reload"), this)), m_watchSources(new QCheckBox(tr("Reload on change"), this)),
      m_output(new QPlainTextEdit(this)), m_prompt(new QLabel(primaryPrompt, this)), m_input(new ConsoleInput(this)),
      m_poll(new QTimer(this)), m_reloadSoon(new QTimer(this)), m_stdout(coloured(nullptr)),
      m_stderr(coloured("#b00020")), m_promptFormat(coloured("#808080")), m_note(coloured("#808080", true))
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_output->setReadOnly(true);
    m_output->setFont(fixed);
    m_output->setMaximumBlockCount(20000);
    m_output->setUndoRedoEnabled(false);
    new PythonHighlighter(m_output->document(), /*codeBlocksOnly=*/true);
    new PythonHighlighter(m_input->document());
    m_prompt->setFont(fixed);
    m_prompt->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    // level with the input's first line
    m_prompt->setContentsMargins(0, m_input->frameWidth() + int(m_input->document()->documentMargin()), 0, 0);
    m_input->setFixedHeight(m_input->fontMetrics().lineSpacing() * 4 + 2 * m_input->frameWidth() + 8);
    m_input->setPlaceholderText(tr("Python, run in %1's sandbox").arg(m_plugin.name));
    auto *hint = new QLabel(tr("Enter runs · Shift+Enter new line · Tab completes · ↑/↓ history · Ctrl+L clears · "
                               "Ctrl+C discards the entry. Entries run under the plugin's rules and time budget; "
                               "there is no interrupt, a runaway entry ends when the budget does."),
                            this);
    hint->setWordWrap(true);
    hint->setEnabled(false);  // greyed: a hint, not content

    auto *top = new QHBoxLayout;
    top->addWidget(m_state, 1);
    top->addWidget(m_watchSources);
    top->addWidget(m_reload);
    auto *entry = new QHBoxLayout;
    entry->addWidget(m_prompt);
    entry->addWidget(m_input, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_output, 1);
    layout->addLayout(entry);
    layout->addWidget(hint);

    m_poll->setInterval(pollInterval);
    connect(m_poll, &QTimer::timeout, this, &ConsoleWidget::poll);
    m_reloadSoon->setSingleShot(true);
    m_reloadSoon->setInterval(reloadDelay);
    connect(m_reloadSoon, &QTimer::timeout, this, &ConsoleWidget::reload);
    connect(m_reload, &QPushButton::clicked, this, &ConsoleWidget::reload);
    connect(m_watchSources, &QCheckBox::toggled, this, &ConsoleWidget::setReloadOnChange);
    connect(m_input, &ConsoleInput::submitRequested, this, &ConsoleWidget::submit);
    connect(m_input, &ConsoleInput::historyRequested, this, &ConsoleWidget::stepHistory);
    connect(m_input, &ConsoleInput::completionRequested, this, &ConsoleWidget::complete);
    connect(m_input, &ConsoleInput::clearRequested, this, &ConsoleWidget::clearOutput);
    connect(m_input, &ConsoleInput::discardRequested, this, &ConsoleWidget::discardEntry);

    m_history = QSettings().value(historyKey(m_plugin.id)).toStringList();
    m_historyIndex = m_history.size();

    if (m_instance) {
        connect(m_instance, &PluginInstance::outputWritten, this,
                [this](int stream, const QString &text) { append(text, stream == 1 ? m_stderr : m_stdout); });
        connect(m_instance, &PluginInstance::stateChanged, this, &ConsoleWidget::onStateChanged);
        connect(m_instance, &QObject::destroyed, this, [this] { updateEnabled(); });
    }
    updateEnabled();
    setFocusProxy(m_input);
}

// Results still on their way are dropped: the futures own them, and the plugin ends its
// sandbox (resolving them) on its own schedule.
ConsoleWidget::~ConsoleWidget() = default;

QString ConsoleWidget::outputText() const
{
    return m_output->toPlainText();
}

QString ConsoleWidget::prompt() const
{
    return m_prompt->text();
}

bool ConsoleWidget::reloadOnChange() const
{
    return m_watchSources->isChecked();
}

void ConsoleWidget::updateEnabled()
{
    const bool running = m_instance && m_instance->state() == PluginInstance::State::Running;
    m_state->setText(m_instance ? tr("%1 — %2").arg(m_plugin.name, stateName(m_instance->state()))
                                : tr("%1 — gone").arg(m_plugin.name));
    m_input->setEnabled(running);
    m_input->setReadOnly(m_busy);
    m_reload->setEnabled(!m_instance.isNull());
    m_watchSources->setEnabled(!m_instance.isNull());
}

void ConsoleWidget::setBusy(bool busy)
{
    m_busy = busy;
    updateEnabled();
}

void ConsoleWidget::onStateChanged(PluginInstance::State state)
{
    using State = PluginInstance::State;
    if (state != State::Running && !m_buffer.isEmpty()) {
        m_buffer.clear();  // its sandbox is gone
        m_prompt->setText(primaryPrompt);
    }
    switch (state) {
    case State::Running:
    case State::Stopped:
    case State::Unresponsive:
    case State::Failed:
        appendLine(tr("— %1 —").arg(stateName(state)), m_note);
        break;
    default:
        break;
    }
    if ((state == State::Failed || state == State::Unresponsive) && m_instance)
        appendLine(m_instance->diagnostic().isEmpty() ? m_instance->error() : m_instance->diagnostic(), m_stderr);
    updateEnabled();
}

void ConsoleWidget::submit()
{
    if (m_busy || !m_instance || m_instance->state() != PluginInstance::State::Running)
        return;
    const QString typed = m_input->toPlainText();
    const bool blank = typed.trimmed().isEmpty();
    if (blank && m_buffer.isEmpty()) {
        echo(QString(), false);
        m_input->clear();
        return;
    }
    // As the CLI console: the lines so far, plus a newline after an empty one (which ends a block).
    const QString line = blank ? QString() : typed;
    echo(line, !m_buffer.isEmpty());
    m_buffer = m_buffer.isEmpty() ? line : m_buffer + u'\n' + line;
    m_input->clear();
    m_entry = m_instance->interact(m_buffer + (line.isEmpty() ? QStringLiteral("\n") : QString()));
    setBusy(true);
    m_poll->start();
}

void ConsoleWidget::poll()
{
    // A result is handled through the event queue, behind the output the plugin printed before
    // it (posted earlier), so that the traceback comes after what the entry wrote.
    if (m_entry && ready(*m_entry)) {
        objcap::Result<bool> result = m_entry->get();
        m_entry.reset();
        QMetaObject::invokeMethod(this, [this, result] { finishEntry(result); }, Qt::QueuedConnection);
    }
    if (m_completion && ready(m_completion->future)) {
        objcap::Result<objcap::Value> result = m_completion->future.get();
        const QString word = m_completion->word, prefix = m_completion->prefix;
        m_completion.reset();
        QMetaObject::invokeMethod(
            this, [this, result, word, prefix] { finishCompletion(result, word, prefix); }, Qt::QueuedConnection);
    }
    if (!m_entry && !m_completion)
        m_poll->stop();
}

void ConsoleWidget::finishEntry(const objcap::Result<bool> &result)
{
    setBusy(false);
    if (result && !result.value()) {  // incomplete: read another line, indented like the last
        m_prompt->setText(continuationPrompt);
        const QString last = m_buffer.section(u'\n', -1);
        m_input->replaceAll(indentation(last) + (last.trimmed().endsWith(u':') ? QStringLiteral("    ") : QString()));
        m_input->setFocus();
        return;
    }
    remember(m_buffer);
    m_buffer.clear();
    m_prompt->setText(primaryPrompt);
    if (!result) {
        const objcap::Error &error = result.error();
        appendLine(QString::fromStdString(error.traceback.empty() ? error.message : error.traceback), m_stderr);
        if (error.code == objcap::ErrorCode::LimitExceeded)
            appendLine(tr("— stopped: the entry ran past the plugin's time or memory budget —"), m_note);
    }
    m_input->setFocus();
    emit entryFinished(bool(result));
}

void ConsoleWidget::complete()
{
    if (m_busy || m_completion || !m_instance || m_instance->state() != PluginInstance::State::Running)
        return;
    static const QRegularExpression tail(QStringLiteral("[A-Za-z0-9_.]*$"));
    static const QRegularExpression dotted(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"));
    static const QRegularExpression name(QStringLiteral("^([A-Za-z_][A-Za-z0-9_]*)?$"));
    const QString word = tail.match(m_input->textBeforeCursor()).captured(0);
    const qsizetype dot = word.lastIndexOf(u'.');
    const QString object = dot < 0 ? QString() : word.left(dot);
    const QString prefix = word.mid(dot + 1);
    // Only names reach the expression: nothing typed is ever evaluated as code here.
    if ((dot >= 0 && !dotted.match(object).hasMatch()) || !name.match(prefix).hasMatch() || (dot < 0 && prefix.isEmpty()))
        return;
    m_completion = Completion{m_instance->evaluate(completionExpression(object, prefix)), word, prefix};
    m_poll->start();
}

void ConsoleWidget::finishCompletion(const objcap::Result<objcap::Value> &result, const QString &word,
                                     const QString &prefix)
{
    QStringList candidates;
    if (result && result.value().is<objcap::Value::List>())
        for (const objcap::Value &value : result.value().as<objcap::Value::List>())
            if (value.is<std::string>())
                candidates << QString::fromStdString(value.as<std::string>());
    if (word.indexOf(u'.') < 0) {  // keywords are no names in the namespace
        static const QStringList words = QStringLiteral("and as assert async await break class continue def del "
                                                        "elif else except finally for from global if import in is "
                                                        "lambda nonlocal not or pass raise return try while with yield")
                                             .split(u' ');
        for (const QString &keyword : words)
            if (keyword.startsWith(prefix) && !candidates.contains(keyword))
                candidates << keyword;
        candidates.sort();
    }
    m_lastCompletions = candidates;
    emit completionsOffered(candidates);
    // The user typed on meanwhile: these names are for another word.
    if (candidates.isEmpty() || !m_input->textBeforeCursor().endsWith(word))
        return;
    if (candidates.size() == 1) {
        m_input->insertCompletion(candidates.first(), int(prefix.size()));
        return;
    }
    const QString common = commonPrefix(candidates);
    if (common.size() > prefix.size())
        m_input->insertCompletion(common, int(prefix.size()));
    m_input->showCompletions(candidates, common.size() > prefix.size() ? common : prefix);
}

void ConsoleWidget::stepHistory(int step)
{
    const qsizetype next = std::clamp<qsizetype>(m_historyIndex + step, 0, m_history.size());
    if (next == m_historyIndex)
        return;
    if (m_historyIndex == m_history.size())
        m_draft = m_input->toPlainText();
    m_historyIndex = next;
    m_input->replaceAll(next == m_history.size() ? m_draft : m_history.at(next));
}

void ConsoleWidget::remember(const QString &entry)
{
    if (entry.trimmed().isEmpty()) {
        m_historyIndex = m_history.size();
        return;
    }
    QString kept = entry;
    while (kept.endsWith(u'\n'))
        kept.chop(1);
    if (m_history.isEmpty() || m_history.constLast() != kept)
        m_history << kept;
    if (m_history.size() > historyLimit)
        m_history.remove(0, m_history.size() - historyLimit);
    m_historyIndex = m_history.size();
    m_draft.clear();
    QSettings().setValue(historyKey(m_plugin.id), m_history);
}

void ConsoleWidget::clearOutput()
{
    m_output->clear();
}

void ConsoleWidget::discardEntry()
{
    if (m_busy)
        return;  // nothing can interrupt a running entry; its budget ends it
    if (!m_buffer.isEmpty() || !m_input->toPlainText().isEmpty()) {
        echo(m_input->toPlainText(), !m_buffer.isEmpty());
        appendLine(QStringLiteral("KeyboardInterrupt"), m_stderr);
    }
    m_buffer.clear();
    m_input->clear();
    m_prompt->setText(primaryPrompt);
    m_historyIndex = m_history.size();
}

void ConsoleWidget::reload()
{
    if (m_instance)
        m_instance->reload();
}

// Each line of an entry, after its prompt, as a block the output's highlighter treats as code.
void ConsoleWidget::echo(const QString &text, bool continuation)
{
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    const QStringList lines = text.split(u'\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString &prompt = n == 0 && !continuation ? primaryPrompt : continuationPrompt;
        QTextBlockFormat code;
        code.setProperty(PythonHighlighter::PromptProperty, int(prompt.size()));
        if (cursor.block().text().isEmpty())
            cursor.setBlockFormat(code);
        else
            cursor.insertBlock(code);
        cursor.insertText(prompt, m_promptFormat);
        cursor.insertText(lines[n], m_stdout);
    }
    cursor.insertBlock(QTextBlockFormat(), m_stdout);  // what comes next is output
    m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum());
}

void ConsoleWidget::append(const QString &text, const QTextCharFormat &format)
{
    QScrollBar *bar = m_output->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text, format);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void ConsoleWidget::appendLine(const QString &text, const QTextCharFormat &format)
{
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    const QString line = text.endsWith(u'\n') ? text : text + u'\n';
    append(cursor.block().text().isEmpty() ? line : u'\n' + line, format);
}

void ConsoleWidget::setReloadOnChange(bool on)
{
    if (m_watchSources->isChecked() != on)
        m_watchSources->setChecked(on);  // comes back here through toggled
    if (!on) {
        delete m_watcher;
        m_watcher = nullptr;
        m_reloadSoon->stop();
        return;
    }
    if (m_watcher || m_plugin.folder.isEmpty())
        return;
    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &ConsoleWidget::rescanSources);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &ConsoleWidget::rescanSources);
    m_sources.clear();
    rescanSources();
}

QHash<QString, qint64> ConsoleWidget::sourceSnapshot() const
{
    QHash<QString, qint64> sources;
    QDirIterator it(m_plugin.folder, {QStringLiteral("*.py")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext() && sources.size() < watchedFilesLimit) {
        const QFileInfo file(it.next());
        sources.insert(file.filePath(), file.lastModified().toMSecsSinceEpoch() ^ file.size());
    }
    return sources;
}

// Editors save by replacing files, which a watcher loses track of: look again at every event,
// and reload (soon, once the saving is over) only when a .py file is new, gone or changed.
void ConsoleWidget::rescanSources()
{
    if (!m_watcher)
        return;
    const bool first = m_sources.isEmpty();
    const QHash<QString, qint64> now = sourceSnapshot();
    if (!first && now != m_sources)
        m_reloadSoon->start();
    m_sources = now;
    QStringList paths{m_plugin.folder};
    QDirIterator dirs(m_plugin.folder, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (dirs.hasNext() && paths.size() < watchedFilesLimit)
        paths << dirs.next();
    paths << m_sources.keys();
    const QStringList watched = m_watcher->files() + m_watcher->directories();
    QStringList missing;
    for (const QString &path : paths)
        if (!watched.contains(path))
            missing << path;
    if (!missing.isEmpty())
        m_watcher->addPaths(missing);
}

} // namespace objcap::host
