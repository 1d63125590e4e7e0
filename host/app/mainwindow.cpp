#include "mainwindow.h"

#include "activitylog.h"
#include "activitylogview.h"
#include "consentprompt.h"
#include "consoledock.h"
#include "documentcapability.h"
#include "documenteditor.h"
#include "pluginhost.h"
#include "pluginmanager.h"
#include "uihost.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

namespace objcap::host {

MainWindow::MainWindow(const objcap::RuntimeInfo &runtime, PluginHost &host, QWidget *parent)
    : QMainWindow(parent), m_runtime(runtime), m_host(host), m_editor(new DocumentEditor(this)),
      m_activity(new ActivityLog(ActivityLog::defaultCapacity, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    setCentralWidget(m_editor);
    m_activityView = new ActivityLogView(m_activity, this);
    m_manager = new PluginManager(&m_host, m_activity, this);
    createMenus();
    defineHostCapabilities();
    QDockWidget *plugins = addDock(QStringLiteral("pluginManagerDock"), tr("Plugins"), m_manager, Qt::RightDockWidgetArea);
    plugins->toggleViewAction()->setIcon(QIcon(QStringLiteral(":/objcap/icons/actions/plugin.svg")));
    plugins->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    QDockWidget *activity = addDock(QStringLiteral("activityLogDock"), tr("Activity"), m_activityView, Qt::BottomDockWidgetArea);
    activity->toggleViewAction()->setIcon(QIcon(QStringLiteral(":/objcap/icons/actions/activity.svg")));
    activity->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));

    connect(&m_host, &PluginHost::activity, m_activity, &ActivityLog::append);
    connect(&m_host, &PluginHost::logged, this, [this](const QString &id, int level, const QString &message) {
        if (level >= static_cast<int>(objcap::LogLevel::Warning))
            statusBar()->showMessage(QStringLiteral("%1: %2").arg(id, message), 8000);
    });
    connect(&m_host, &PluginHost::stateChanged, this, [this](const QString &id, PluginInstance::State state) {
        const bool gone = state == PluginInstance::State::Failed || state == PluginInstance::State::Stopped ||
                          state == PluginInstance::State::Disabled || state == PluginInstance::State::Unresponsive;
        if (gone)
            m_ui->removePlugin(id);
        if (state == PluginInstance::State::Failed || state == PluginInstance::State::Unresponsive) {
            const PluginInstance *plugin = m_host.instance(id);
            statusBar()->showMessage(tr("%1 %2: %3")
                                         .arg(id, state == PluginInstance::State::Failed ? tr("failed") : tr("is unresponsive"),
                                              plugin ? plugin->error() : QString()),
                                     10000);
        }
    });
    connect(&m_host, &PluginHost::capabilityEnded, this, [this](const QString &id, const QString &capability) {
        if (capability == u"ui")
            m_ui->removePlugin(id);
    });
    connect(m_manager, &PluginManager::message, this, [this](const QString &text) { statusBar()->showMessage(text, 6000); });
    connect(m_manager, &PluginManager::consoleRequested, this, [this](const QString &id) { consoleFor(id); });
    connect(m_editor, &DocumentEditor::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &QMainWindow::setWindowModified);
    m_host.setConsentPrompt([this](const PluginHost::ConsentRequest &request, auto answer) {
        ConsentPrompt::ask(this, request, std::move(answer));
    });

    resize(1280, 800);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateTitle();
    statusBar()->showMessage(tr("Ready — %n plugin(s) installed", nullptr, int(m_host.registry().plugins().size())), 5000);
}

// The host may outlive the window (tests, a host that reopens it): nothing of ours stays in it.
MainWindow::~MainWindow()
{
    m_host.defineCapability(QStringLiteral("document"), {});
    m_host.defineCapability(QStringLiteral("ui"), {});
    m_host.setConsentPrompt({});
}

QDockWidget *MainWindow::addDock(const QString &objectName, const QString &title, QWidget *widget, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(widget);
    addDockWidget(area, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
    return dock;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    const QList<QAction *> fileActions = m_editor->fileActions();
    file->addActions(fileActions);
    file->addMenu(m_editor->recentFilesMenu());
    file->addSeparator();
    QAction *install = file->addAction(QIcon(QStringLiteral(":/objcap/icons/actions/install.svg")), tr("&Install Plugin…"), m_manager,
                                       &PluginManager::installWithDialog);
    install->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    file->addSeparator();
    QAction *quit = file->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Undo"), QKeySequence::Undo, m_editor, &QPlainTextEdit::undo);
    edit->addAction(tr("&Redo"), QKeySequence::Redo, m_editor, &QPlainTextEdit::redo);
    edit->addSeparator();
    edit->addAction(tr("Cu&t"), QKeySequence::Cut, m_editor, &QPlainTextEdit::cut);
    edit->addAction(tr("&Copy"), QKeySequence::Copy, m_editor, &QPlainTextEdit::copy);
    edit->addAction(tr("&Paste"), QKeySequence::Paste, m_editor, &QPlainTextEdit::paste);
    edit->addAction(tr("Select &All"), QKeySequence::SelectAll, m_editor, &QPlainTextEdit::selectAll);

    m_pluginsMenu = menuBar()->addMenu(tr("&Plugins"));
    m_pluginsMenu->setObjectName(QStringLiteral("pluginsMenu"));
    m_ui = new UiHost(this, m_pluginsMenu, this);
    m_pluginsMenu->addAction(m_ui->paletteAction());
    m_pluginsMenu->addSeparator();

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->addActions(fileActions);
    bar->addSeparator();
    bar->addAction(install);
    bar->addAction(m_ui->paletteAction());

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(bar->toggleViewAction());
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(QIcon(QStringLiteral(":/objcap/icons/objcap.svg")), tr("&About objcap"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

// The editor's own capabilities, built with the same public API any host application uses.
void MainWindow::defineHostCapabilities()
{
    m_host.defineCapability(QStringLiteral("document"), [this](const QString &) { return DocumentCapability::create(m_editor); });
    m_host.defineCapability(QStringLiteral("ui"), [this](const QString &id) {
        const objcap::Manifest *manifest = m_host.manifest(id);
        const QString name = manifest ? QString::fromStdString(manifest->name()) : id;
        PluginHost *host = &m_host;
        return m_ui->capabilityFor(id, name, [host, id] { host->noteUserAction(id); });
    });
}

ConsoleDock *MainWindow::consoleFor(const QString &id)
{
    PluginInstance *instance = m_host.instance(id);
    if (!instance)
        return nullptr;
    QPointer<ConsoleDock> &dock = m_consoles[id];
    if (!dock) {
        const objcap::Manifest *manifest = m_host.manifest(id);
        ConsoleWidget::Plugin plugin{id, manifest ? QString::fromStdString(manifest->name()) : id,
                                     m_host.registry().codeFolder(id)};
        dock = new ConsoleDock(instance, plugin, this);
        addDockWidget(Qt::BottomDockWidgetArea, dock);
        if (QDockWidget *activity = findChild<QDockWidget *>(QStringLiteral("activityLogDock")))
            tabifyDockWidget(activity, dock);
        connect(&m_host, &PluginHost::pluginsChanged, dock, [this, id, d = dock.data()] {
            if (!m_host.instance(id))
                d->deleteLater();  // uninstalled: its instance is gone
        });
    }
    dock->show();
    dock->raise();
    return dock;
}

QString MainWindow::runtimeSummary() const
{
    return tr("objcap %1 — CPython %2, objcap patch level %3")
        .arg(QString::fromStdString(m_runtime.objcapVersion), QString::fromStdString(m_runtime.pythonVersion))
        .arg(m_runtime.patchLevel);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About objcap"),
                       tr("<h3>objcap</h3><p>A host for Python plugins that can reach only what you grant them.</p>"
                          "<p>%1<br>Qt %2<br>Runtime: %3</p>")
                           .arg(runtimeSummary().toHtmlEscaped(), QString::fromLatin1(qVersion()),
                                QString::fromStdString(m_runtime.libraryPath).toHtmlEscaped()));
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — objcap").arg(m_editor->displayName()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_editor->maybeSave())
        return event->ignore();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!PluginManager::packagesIn(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    m_manager->installDropped(event->mimeData());
}

} // namespace objcap::host
