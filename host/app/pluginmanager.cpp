#include "pluginmanager.h"

#include "activitylog.h"
#include "capabilitywords.h"
#include "permissionreviewdialog.h"
#include "pluginhost.h"
#include "pluginlocation.h"

#include <QCheckBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QMetaEnum>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace objcap::host {

namespace {

QString stateName(PluginInstance::State state)
{
    switch (state) {
    case PluginInstance::State::Installed: return PluginManager::tr("installed");
    case PluginInstance::State::Disabled: return PluginManager::tr("disabled");
    case PluginInstance::State::Enabled: return PluginManager::tr("enabled");
    case PluginInstance::State::Loading: return PluginManager::tr("loading");
    case PluginInstance::State::Running: return PluginManager::tr("running");
    case PluginInstance::State::Failed: return PluginManager::tr("failed");
    case PluginInstance::State::Unresponsive: return PluginManager::tr("unresponsive");
    case PluginInstance::State::Stopped: return PluginManager::tr("stopped");
    }
    return {};
}

// The desktop theme's icon if it has one, else ours from resources/icons/actions.
QIcon actionIcon(const char *theme, const char *own)
{
    return QIcon::fromTheme(QString::fromLatin1(theme),
                            QIcon(QStringLiteral(":/objcap/icons/actions/%1.svg").arg(QLatin1String(own))));
}

QIcon pluginIcon(const QString &folder)
{
    const QString own = folder + QStringLiteral("/icon.svg");
    return QIcon(QFileInfo::exists(own) ? own : QStringLiteral(":/objcap/icons/actions/plugin.svg"));
}

} // namespace

PluginManager::PluginManager(PluginHost *host, ActivityLog *activity, QWidget *parent)
    : QWidget(parent), m_host(host), m_activity(activity),
      m_review([](PermissionReviewDialog &dialog) { return dialog.exec() == QDialog::Accepted; })
{
    setObjectName(QStringLiteral("pluginManager"));
    setMinimumWidth(460);
    setAcceptDrops(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("plugins"));
    m_list->setIconSize(QSize(32, 32));
    m_details = new QLabel(this);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_capabilities = new QTableWidget(0, 4, this);
    m_capabilities->setObjectName(QStringLiteral("capabilities"));
    m_capabilities->setHorizontalHeaderLabels({tr("On"), tr("What it may do"), tr("Why, says the plugin"), tr("")});
    m_capabilities->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_capabilities->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_capabilities->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_capabilities->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_capabilities->setWordWrap(true);
    m_capabilities->verticalHeader()->hide();
    m_capabilities->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setTextFormat(Qt::PlainText);  // a plugin's exception message is never markup
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_traceback = new QPlainTextEdit(this);
    m_traceback->setObjectName(QStringLiteral("traceback"));
    m_traceback->setReadOnly(true);
    m_traceback->setFont(QFont(QStringLiteral("monospace")));

    auto *install = new QPushButton(actionIcon("list-add", "install"), tr("Install…"), this);
    m_update = new QPushButton(actionIcon("system-software-update", "install"), tr("Update…"), this);
    m_uninstall = new QPushButton(actionIcon("list-remove", "uninstall"), tr("Uninstall…"), this);
    m_reload = new QPushButton(actionIcon("view-refresh", "reload"), tr("Reload"), this);
    m_console = new QPushButton(actionIcon("utilities-terminal", "console"), tr("Console"), this);
    m_permissions = new QPushButton(actionIcon("security-medium", "permissions"), tr("Permissions…"), this);
    m_permissions->setToolTip(tr("Review what the plugin asks for and choose what it gets"));
    connect(m_permissions, &QPushButton::clicked, this, &PluginManager::reviewSelected);
    install->setToolTip(tr("Install a plugin from a .objcap file (or drop one here)"));
    connect(install, &QPushButton::clicked, this, &PluginManager::installWithDialog);
    connect(m_update, &QPushButton::clicked, this, &PluginManager::updateSelectedWithDialog);
    connect(m_uninstall, &QPushButton::clicked, this, &PluginManager::uninstallSelected);
    connect(m_reload, &QPushButton::clicked, this, [this] {
        if (PluginInstance *plugin = m_host->instance(selectedId()))
            plugin->reload();
    });
    connect(m_console, &QPushButton::clicked, this, [this] { emit consoleRequested(selectedId()); });

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {install, m_permissions, m_update, m_uninstall, m_reload, m_console})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *detailPane = new QWidget(this);
    auto *details = new QVBoxLayout(detailPane);
    details->addWidget(m_details);
    details->addWidget(m_capabilities, 2);
    details->addWidget(m_error);
    details->addWidget(m_traceback, 1);
    auto *split = new QSplitter(Qt::Vertical, this);  // a dock is tall and narrow
    split->addWidget(m_list);
    split->addWidget(detailPane);
    split->setStretchFactor(1, 3);
    split->setSizes({220, 330});
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, &PluginManager::showDetails);
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (m_refreshing)
            return;
        const QString id = item->data(Qt::UserRole).toString();
        const bool enable = item->checkState() == Qt::Checked;
        if (auto done = m_host->setEnabled(id, enable); !done)
            report(QString::fromStdString(done.error().message));
    });
    connect(m_host, &PluginHost::pluginsChanged, this, &PluginManager::scheduleRefresh);
    connect(m_host, &PluginHost::stateChanged, this, &PluginManager::scheduleRefresh);
    if (m_activity)
        connect(m_activity, &ActivityLog::refused, this, &PluginManager::scheduleRefresh);
    refresh();
}

QString PluginManager::selectedId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void PluginManager::select(const QString &id)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == id)
            m_list->setCurrentRow(i);
    }
}

void PluginManager::refresh()
{
    const QString selected = selectedId();
    m_refreshing = true;
    m_list->clear();
    for (const PluginRegistry::Plugin &plugin : m_host->registry().plugins()) {
        const PluginInstance *instance = m_host->instance(plugin.id);
        const int refusals = m_activity ? m_activity->refusalCount(plugin.id) : 0;
        QString text = QStringLiteral("%1  %2\n%3").arg(plugin.name, plugin.version,
                                                       instance ? stateName(instance->state()) : tr("not loaded"));
        if (!plugin.pendingApproval.isEmpty())
            text += tr(" · waits for your approval");
        if (refusals > 0)
            text += tr(" · %n refusal(s)", nullptr, refusals);
        auto *item = new QListWidgetItem(pluginIcon(m_host->registry().codeFolder(plugin.id)), text, m_list);
        item->setData(Qt::UserRole, plugin.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(plugin.enabled ? Qt::Checked : Qt::Unchecked);
        item->setToolTip(tr("Tick to enable %1").arg(plugin.name));
    }
    m_refreshing = false;
    select(selected);
    if (m_list->currentRow() < 0 && m_list->count() > 0)
        m_list->setCurrentRow(0);
    showDetails();
}

void PluginManager::showDetails()
{
    const QString id = selectedId();
    const PluginRegistry::Plugin *plugin = m_host->registry().find(id);
    const objcap::Manifest *manifest = m_host->manifest(id);
    const PluginInstance *instance = m_host->instance(id);
    for (QPushButton *b : {m_permissions, m_update, m_uninstall, m_reload, m_console})
        b->setEnabled(plugin != nullptr);
    m_capabilities->setRowCount(0);
    if (!plugin) {
        m_details->setText(tr("No plugin installed yet. Install one from a .objcap file, or drop it here."));
        m_error->clear();
        m_traceback->hide();
        return;
    }
    QString text = tr("<b>%1</b> %2<br><span style='color:gray'>%3</span>")
                       .arg(plugin->name.toHtmlEscaped(), plugin->version.toHtmlEscaped(), id.toHtmlEscaped());
    if (manifest) {
        QStringList authors;
        for (const std::string &a : manifest->authors())
            authors << QString::fromStdString(a);
        text += QStringLiteral("<p>%1</p>").arg(QString::fromStdString(manifest->description()).toHtmlEscaped());
        text += tr("Authors: %1 · License: %2 · Host API %3<br>")
                    .arg(authors.join(QStringLiteral(", ")).toHtmlEscaped(),
                         QString::fromStdString(manifest->license()).toHtmlEscaped(),
                         QString::fromStdString(manifest->api()).toHtmlEscaped());
    }
    text += tr("Data: %1").arg(QDir::toNativeSeparators(m_host->registry().dataFolder(id)).toHtmlEscaped());
    m_details->setText(text);
    if (manifest) {
        for (const objcap::CapabilityRequest &request : manifest->capabilities()) {
            const QString capability = QString::fromStdString(request.name);
            const bool granted = plugin->grants.contains(capability);
            const int row = m_capabilities->rowCount();
            m_capabilities->insertRow(row);
            auto *toggle = new QCheckBox(m_capabilities);
            toggle->setObjectName(QStringLiteral("toggle-") + capability);
            toggle->setChecked(granted);
            connect(toggle, &QCheckBox::toggled, this, [this, capability](bool on) { toggleCapability(capability, on); });
            m_capabilities->setCellWidget(row, 0, toggle);
            QString what = CapabilityWords::describe(request);
            const QString scope = plugin->grants.value(capability);
            if (granted && !scope.isEmpty())
                what += QStringLiteral("\n") + tr("granted: %1").arg(scope.endsWith(QLatin1String(":ro"))
                                                                       ? tr("%1 (read only)").arg(scope.chopped(3))
                                                                       : scope);
            if (plugin->pendingApproval.contains(capability))
                what += QStringLiteral("\n") + tr("asked for by the update: waits for your approval");
            else if (request.optional && !granted)
                what += QStringLiteral("\n") + tr("optional: asked for when needed");
            m_capabilities->setItem(row, 1, new QTableWidgetItem(what));
            m_capabilities->setItem(row, 2, new QTableWidgetItem(QString::fromStdString(request.reason)));
            auto *revoke = new QPushButton(QIcon(QStringLiteral(":/objcap/icons/actions/revoke.svg")), tr("Revoke"),
                                           m_capabilities);
            revoke->setObjectName(QStringLiteral("revoke-") + capability);
            revoke->setEnabled(granted);
            connect(revoke, &QPushButton::clicked, this, [this, capability] { toggleCapability(capability, false); });
            m_capabilities->setCellWidget(row, 3, revoke);
        }
        m_capabilities->resizeRowsToContents();
    }
    m_error->setText(instance && !instance->error().isEmpty() ? instance->error() : QString());
    m_traceback->setPlainText(instance ? instance->diagnostic() : QString());
    m_traceback->setVisible(instance && !instance->diagnostic().isEmpty());
}

void PluginManager::toggleCapability(const QString &capability, bool granted)
{
    const QString id = selectedId();
    objcap::Result<void> done;
    if (granted) {
        QString scope;
        if (capability == u"files" || capability == u"file") {
            scope = capability == u"files" ? QFileDialog::getExistingDirectory(this, tr("Folder for the plugin"))
                                           : QFileDialog::getSaveFileName(this, tr("File for the plugin"));
            if (scope.isEmpty())
                return scheduleRefresh();
        }
        done = m_host->grant(id, capability, scope);
    } else {
        done = m_host->revoke(id, capability);
        if (done)
            emit message(tr("Revoked %1 from %2").arg(capability, id));
    }
    if (!done)
        report(QString::fromStdString(done.error().message));
    scheduleRefresh();
}

// Rebuilt from the event loop, never inside a signal of a widget the rebuild deletes.
void PluginManager::scheduleRefresh()
{
    if (m_refreshPending)
        return;
    m_refreshPending = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshPending = false;
        refresh();
    });
}

QString PluginManager::installFrom(const QString &path)
{
    auto location = PluginLocation::resolve(path);
    if (!location)
        return QString::fromStdString(location.error().message);
    const objcap::Manifest &manifest = location.value()->manifest();
    const QString id = QString::fromStdString(manifest.id());
    const PluginRegistry::Plugin *existing = m_host->registry().find(id);
    QMap<QString, QString> granted = existing ? existing->grants : QMap<QString, QString>{};
    PermissionReviewDialog review(manifest, granted, existing != nullptr, this);
    if (!m_review(review))
        return {};
    const QMap<QString, QString> approved = review.grants();
    const bool enable = review.enableAfter();
    location.value().reset();  // a package's temporary copy
    auto installed = m_host->install(path);
    if (!installed)
        return QString::fromStdString(installed.error().message);
    if (auto done = m_host->approve(id, approved, enable); !done)
        return QString::fromStdString(done.error().message);
    select(id);
    const QStringList waiting = m_host->registry().find(id)->pendingApproval;
    if (!waiting.isEmpty())
        emit message(tr("%1 stays disabled until you approve: %2").arg(installed->name, waiting.join(QStringLiteral(", "))));
    else
        emit message(existing ? tr("Updated %1 to %2").arg(installed->name, installed->version)
                              : tr("Installed %1 %2").arg(installed->name, installed->version));
    return {};
}

void PluginManager::reviewSelected()
{
    const QString id = selectedId();
    const objcap::Manifest *manifest = m_host->manifest(id);
    const PluginRegistry::Plugin *plugin = m_host->registry().find(id);
    if (!manifest || !plugin)
        return;
    PermissionReviewDialog review(*manifest, plugin->grants, false, this);
    if (!m_review(review))
        return;
    if (auto done = m_host->approve(id, review.grants(), review.enableAfter()); !done)
        report(QString::fromStdString(done.error().message));
}

void PluginManager::installWithDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Install a plugin"), QString(),
                                                      tr("objcap plugins (*.objcap);;All files (*)"));
    if (!path.isEmpty())
        report(installFrom(path));
}

void PluginManager::updateSelectedWithDialog()
{
    installWithDialog();  // the package's id decides which plugin it updates
}

void PluginManager::uninstallSelected()
{
    const QString id = selectedId();
    const PluginRegistry::Plugin *plugin = m_host->registry().find(id);
    if (!plugin)
        return;
    const QString name = plugin->name;  // the registry may be re-read while the question is open
    QMessageBox ask(QMessageBox::Question, tr("Uninstall %1").arg(name),
                    tr("Uninstall %1? Its settings and files in its data folder can be kept for a later install.").arg(name),
                    QMessageBox::Cancel, this);
    QPushButton *keep = ask.addButton(tr("Uninstall, keep data"), QMessageBox::AcceptRole);
    QPushButton *purge = ask.addButton(tr("Uninstall and delete data"), QMessageBox::DestructiveRole);
    ask.exec();
    if (ask.clickedButton() != keep && ask.clickedButton() != purge)
        return;
    if (auto done = m_host->uninstall(id, ask.clickedButton() == purge); !done)
        return report(QString::fromStdString(done.error().message));
    emit message(tr("Uninstalled %1").arg(name));
}

void PluginManager::report(const QString &problem)
{
    if (problem.isEmpty())
        return;
    emit message(problem);
    QMessageBox box(QMessageBox::Warning, tr("objcap"), problem, QMessageBox::Ok, this);
    box.setTextFormat(Qt::PlainText);  // it may quote a package's contents
    box.exec();
}

QStringList PluginManager::packagesIn(const QMimeData *data)
{
    QStringList packages;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".objcap")))
            packages << url.toLocalFile();
    }
    return packages;
}

void PluginManager::dragEnterEvent(QDragEnterEvent *event)
{
    if (!packagesIn(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void PluginManager::dropEvent(QDropEvent *event)
{
    installDropped(event->mimeData());
}

void PluginManager::installDropped(const QMimeData *data)
{
    for (const QString &package : packagesIn(data))
        report(installFrom(package));
}

} // namespace objcap::host
