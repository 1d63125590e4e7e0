#include "documenteditor.h"

#include "documentbridge.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QStringDecoder>

namespace objcap::host {

namespace {

const char *recentKey = "editor/recentFiles";

objcap::Error ioError(const QString &message)
{
    return objcap::Error::make(objcap::ErrorCode::Io, message.toStdString());
}

} // namespace

DocumentEditor::DocumentEditor(QWidget *parent)
    : QPlainTextEdit(parent), m_bridge(new DocumentBridge(this)), m_recentMenu(new QMenu(tr("Open &Recent"), this))
{
    setObjectName(QStringLiteral("documentEditor"));
    setLineWrapMode(QPlainTextEdit::WidgetWidth);

    m_new = new QAction(tr("&New"), this);
    m_new->setShortcut(QKeySequence::New);
    connect(m_new, &QAction::triggered, this, &DocumentEditor::newWithPrompt);
    m_open = new QAction(tr("&Open..."), this);
    m_open->setShortcut(QKeySequence::Open);
    connect(m_open, &QAction::triggered, this, &DocumentEditor::openWithDialog);
    m_save = new QAction(tr("&Save"), this);
    m_save->setShortcut(QKeySequence::Save);
    connect(m_save, &QAction::triggered, this, &DocumentEditor::save);
    m_saveAs = new QAction(tr("Save &As..."), this);
    m_saveAs->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAs, &QAction::triggered, this, &DocumentEditor::saveAsWithDialog);
    rebuildRecentMenu();
}

// The bridge goes first: nothing a plugin queued may reach a half-destroyed editor.
DocumentEditor::~DocumentEditor()
{
    delete m_bridge;
    m_bridge = nullptr;
}

QString DocumentEditor::displayName() const
{
    return m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
}

bool DocumentEditor::isModified() const
{
    return document()->isModified();
}

QList<QAction *> DocumentEditor::fileActions() const
{
    return {m_new, m_open, m_save, m_saveAs};
}

void DocumentEditor::newDocument()
{
    setPlainText(QString());
    document()->setModified(false);
    setFilePath(QString());
}

objcap::Result<void> DocumentEditor::openFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ioError(tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
    if (file.size() > maxFileSize)
        return ioError(tr("%1 is too large to edit (more than %2 MiB)")
                           .arg(QFileInfo(path).fileName())
                           .arg(maxFileSize / (1024 * 1024)));
    const QByteArray data = file.read(maxFileSize + 1);
    if (file.error() != QFileDevice::NoError)
        return ioError(tr("Cannot read %1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(data);
    if (decoder.hasError())
        return ioError(tr("%1 is not UTF-8 text").arg(QFileInfo(path).fileName()));
    setPlainText(text);
    document()->setModified(false);
    setFilePath(QFileInfo(path).absoluteFilePath());
    remember(m_path);
    return {};
}

objcap::Result<void> DocumentEditor::saveTo(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return ioError(tr("Cannot save %1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
    file.write(toPlainText().toUtf8());
    if (!file.commit())
        return ioError(tr("Cannot save %1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
    document()->setModified(false);
    setFilePath(QFileInfo(path).absoluteFilePath());
    remember(m_path);
    return {};
}

void DocumentEditor::newWithPrompt()
{
    if (maybeSave())
        newDocument();
}

void DocumentEditor::openWithDialog()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open"), QFileInfo(m_path).absolutePath(),
                                                      tr("Text files (*.txt *.md);;All files (*)"));
    if (path.isEmpty())
        return;
    if (auto opened = openFile(path); !opened)
        report(QString::fromStdString(opened.error().message));
}

bool DocumentEditor::save()
{
    if (m_path.isEmpty())
        return saveAsWithDialog();
    if (auto saved = saveTo(m_path); !saved) {
        report(QString::fromStdString(saved.error().message));
        return false;
    }
    return true;
}

bool DocumentEditor::saveAsWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save As"), m_path);
    if (path.isEmpty())
        return false;
    if (auto saved = saveTo(path); !saved) {
        report(QString::fromStdString(saved.error().message));
        return false;
    }
    return true;
}

bool DocumentEditor::maybeSave()
{
    if (!isModified())
        return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved changes"),
                                             tr("%1 has unsaved changes. Save them?").arg(displayName()),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

QStringList DocumentEditor::recentFiles() const
{
    return QSettings().value(QLatin1String(recentKey)).toStringList();
}

void DocumentEditor::clearRecentFiles()
{
    QSettings().remove(QLatin1String(recentKey));
    rebuildRecentMenu();
}

void DocumentEditor::setFilePath(const QString &path)
{
    if (m_path == path)
        return;
    m_path = path;
    m_bridge->setFileName(path.isEmpty() ? QString() : QFileInfo(path).fileName());
    emit filePathChanged(m_path);
}

void DocumentEditor::remember(const QString &path)
{
    QStringList recent = recentFiles();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maxRecentFiles)
        recent.removeLast();
    QSettings().setValue(QLatin1String(recentKey), recent);
    rebuildRecentMenu();
}

void DocumentEditor::rebuildRecentMenu()
{
    // Later, not now: this may run from one of these actions' own triggered().
    for (QAction *old : m_recentMenu->actions()) {
        m_recentMenu->removeAction(old);
        old->deleteLater();
    }
    const QStringList recent = recentFiles();
    for (const QString &path : recent) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName());
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] {
            if (!maybeSave())
                return;
            if (auto opened = openFile(path); !opened)
                report(QString::fromStdString(opened.error().message));
        });
    }
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        connect(m_recentMenu->addAction(tr("Clear Recent Files")), &QAction::triggered, this,
                &DocumentEditor::clearRecentFiles);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void DocumentEditor::report(const QString &message)
{
    emit fileError(message);
    QMessageBox::warning(this, tr("File error"), message);
}

} // namespace objcap::host
