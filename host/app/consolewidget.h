#pragma once

#include <plugininstance.h>

#include <QHash>
#include <QPointer>
#include <QStringList>
#include <QTextCharFormat>
#include <QWidget>

#include <future>
#include <optional>

class QCheckBox;
class QFileSystemWatcher;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace objcap::host {

class ConsoleInput;

// The dev console of one plugin: a REPL in the plugin's own sandbox (PluginInstance::interact),
// under the plugin's rules and time budget, with what the plugin prints, tracebacks, history
// (kept per plugin in QSettings), completion from the sandbox's namespace, and Reload.
//
// Entries and completions run on the plugin's thread; their results are polled from a timer
// here, so the GUI thread never waits on a plugin. There is no interrupt: a runaway entry ends
// when the plugin's time budget does.
class ConsoleWidget : public QWidget {
    Q_OBJECT
public:
    struct Plugin {
        QString id;      // the manifest's id: the history's key
        QString name;    // for display
        QString folder;  // watched for "Reload on change"
    };
    static constexpr int historyLimit = 500;

    ConsoleWidget(PluginInstance *instance, Plugin plugin, QWidget *parent = nullptr);
    ~ConsoleWidget() override;

    const Plugin &plugin() const { return m_plugin; }
    ConsoleInput *input() const { return m_input; }
    QString outputText() const;
    QString prompt() const;            // ">>> " or "... "
    bool busy() const { return m_busy; }  // an entry is running
    QStringList history() const { return m_history; }
    QStringList lastCompletions() const { return m_lastCompletions; }
    bool reloadOnChange() const;

public slots:
    void submit();        // what Enter does
    void complete();      // what Tab does after a name
    void clearOutput();   // Ctrl+L
    void discardEntry();  // Ctrl+C: drops a half-typed multi-line entry
    void reload();
    void setReloadOnChange(bool on);

signals:
    void entryFinished(bool ok);  // a complete entry ran (ok) or raised / was refused
    void completionsOffered(const QStringList &candidates);

private:
    void poll();
    void finishEntry(const objcap::Result<bool> &result);
    void finishCompletion(const objcap::Result<objcap::Value> &result, const QString &word, const QString &prefix);
    void stepHistory(int step);
    void remember(const QString &entry);
    void echo(const QString &text, bool continuation);
    void append(const QString &text, const QTextCharFormat &format);
    void appendLine(const QString &text, const QTextCharFormat &format);
    void onStateChanged(PluginInstance::State state);
    void setBusy(bool busy);
    void updateEnabled();
    void rescanSources();
    QHash<QString, qint64> sourceSnapshot() const;

    QPointer<PluginInstance> m_instance;
    Plugin m_plugin;
    QLabel *m_state;
    QPushButton *m_reload;
    QCheckBox *m_watchSources;
    QPlainTextEdit *m_output;
    QLabel *m_prompt;
    ConsoleInput *m_input;
    QTimer *m_poll;
    QTimer *m_reloadSoon;
    QFileSystemWatcher *m_watcher = nullptr;
    QHash<QString, qint64> m_sources;  // .py file -> modification time, for the watcher

    QTextCharFormat m_stdout, m_stderr, m_promptFormat, m_note;
    QString m_buffer;  // the lines of an incomplete entry so far
    bool m_busy = false;
    std::optional<std::shared_future<objcap::Result<bool>>> m_entry;
    struct Completion {
        std::shared_future<objcap::Result<objcap::Value>> future;
        QString word, prefix;
    };
    std::optional<Completion> m_completion;
    QStringList m_lastCompletions;
    QStringList m_history;
    qsizetype m_historyIndex = 0;  // m_history.size(): the draft being typed
    QString m_draft;
};

} // namespace objcap::host
