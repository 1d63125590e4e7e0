#pragma once

#include <objcap/result.h>

#include <QList>
#include <QPlainTextEdit>
#include <QString>
#include <QStringList>

class QAction;
class QMenu;

namespace objcap::host {

class DocumentBridge;

// The reference host's plain-text editor: the MainWindow's central widget. Files are UTF-8
// text read whole and written atomically; failures come back as values from the non-dialog
// entry points (openFile, saveTo) and as a warning box from the dialog slots. Recent files
// (at most maxRecentFiles) are kept in QSettings under "editor/recentFiles".
class DocumentEditor : public QPlainTextEdit {
    Q_OBJECT

public:
    static constexpr int maxRecentFiles = 10;
    static constexpr qint64 maxFileSize = 64 * 1024 * 1024;

    explicit DocumentEditor(QWidget *parent = nullptr);
    ~DocumentEditor() override;

    QString filePath() const { return m_path; }
    // The file's name, or "Untitled": for the window title (with "[*]" for the modified mark).
    QString displayName() const;
    bool isModified() const;

    // New, Open..., Save, Save As... with the standard shortcuts, for the File menu and toolbar.
    QList<QAction *> fileActions() const;
    QMenu *recentFilesMenu() const { return m_recentMenu; }
    QStringList recentFiles() const;
    void clearRecentFiles();

    // What plugins see of this editor (document capabilities share it).
    DocumentBridge *bridge() const { return m_bridge; }

    void newDocument();                                   // no prompt; see maybeSave()
    objcap::Result<void> openFile(const QString &path);  // no prompt
    objcap::Result<void> saveTo(const QString &path);

public slots:
    // The interactive versions: prompt to save changes, ask for a file name, report failures.
    void newWithPrompt();
    void openWithDialog();
    bool save();
    bool saveAsWithDialog();
    // True if the document may be discarded (unmodified, saved, or the user said so).
    bool maybeSave();

signals:
    void filePathChanged(const QString &path);
    void fileError(const QString &message);  // also shown by the dialog slots

private:
    void setFilePath(const QString &path);
    void remember(const QString &path);
    void rebuildRecentMenu();
    void report(const QString &message);

    QString m_path;
    DocumentBridge *m_bridge;
    QAction *m_new, *m_open, *m_save, *m_saveAs;
    QMenu *m_recentMenu;
};

} // namespace objcap::host
