#include "mainwindow.h"

#include "pluginfolders.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QVBoxLayout>

namespace objcap::host {

MainWindow::MainWindow(const objcap::RuntimeInfo &runtime, const QStringList &pluginRoots, QWidget *parent)
    : QMainWindow(parent)
    , m_pluginRoots(pluginRoots)
    , m_runtimeLabel(new QLabel(this))
    , m_foldersLabel(new QLabel(this))
    , m_plugins(new QListWidget(this))
{
    setWindowTitle(tr("objcap"));
    m_runtimeLabel->setObjectName(QStringLiteral("runtimeLabel"));
    m_runtimeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_runtimeLabel->setText(tr("objcap %1 — CPython %2, objcap patch level %3\nRuntime: %4")
                                .arg(QString::fromStdString(runtime.objcapVersion),
                                     QString::fromStdString(runtime.pythonVersion))
                                .arg(runtime.patchLevel)
                                .arg(QString::fromStdString(runtime.libraryPath)));
    m_foldersLabel->setObjectName(QStringLiteral("foldersLabel"));
    m_foldersLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QStringList shown;
    for (const QString &root : m_pluginRoots)
        shown << QDir::toNativeSeparators(root);
    m_foldersLabel->setText(tr("Plugin folders:\n%1").arg(shown.join(QLatin1Char('\n'))));
    m_plugins->setObjectName(QStringLiteral("pluginList"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_runtimeLabel);
    layout->addWidget(m_foldersLabel);
    layout->addWidget(new QLabel(tr("Plugins found:"), central));
    layout->addWidget(m_plugins, 1);
    setCentralWidget(central);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *refresh = file->addAction(tr("&Refresh plugins"), this, &MainWindow::refreshPlugins);
    refresh->setShortcut(QKeySequence::Refresh);
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    resize(720, 480);
    refreshPlugins();
}

void MainWindow::refreshPlugins()
{
    m_plugins->clear();
    for (const QString &folder : PluginFolders::discover(m_pluginRoots))
        m_plugins->addItem(QDir::toNativeSeparators(folder));
}

QString MainWindow::runtimeSummary() const
{
    return m_runtimeLabel->text();
}

QStringList MainWindow::listedPlugins() const
{
    QStringList items;
    for (int i = 0; i < m_plugins->count(); ++i)
        items << m_plugins->item(i)->text();
    return items;
}

} // namespace objcap::host
