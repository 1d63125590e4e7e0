#include "permissionreviewdialog.h"

#include "capabilitywords.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace objcap::host {

namespace {

bool takesPath(const objcap::CapabilityRequest &request)
{
    return request.name == "files" || request.name == "file";
}

} // namespace

PermissionReviewDialog::PermissionReviewDialog(const objcap::Manifest &manifest, const QMap<QString, QString> &granted,
                                               bool update, QWidget *parent)
    : QDialog(parent)
{
    const QString name = QString::fromStdString(manifest.name());
    setWindowTitle(update ? tr("Update %1").arg(name) : tr("Install %1").arg(name));
    setObjectName(QStringLiteral("permissionReview"));
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(
        tr("<b>%1</b> %2 <span style='color:gray'>(%3)</span><br>%4")
            .arg(name.toHtmlEscaped(), QString::fromStdString(manifest.version()).toHtmlEscaped(),
                 QString::fromStdString(manifest.id()).toHtmlEscaped(),
                 QString::fromStdString(manifest.description()).toHtmlEscaped()),
        this);
    heading->setWordWrap(true);
    layout->addWidget(heading);

    auto *list = new QWidget;
    auto *rows = new QVBoxLayout(list);
    m_rows.reserve(manifest.capabilities().size());
    for (const objcap::CapabilityRequest &request : manifest.capabilities()) {
        const QString capability = QString::fromStdString(request.name);
        const bool isNew = update && !granted.contains(capability);
        if (isNew)
            m_new << capability;
        m_rows.push_back(Row{request});
        rows->addWidget(rowWidget(m_rows.back(), isNew, granted.contains(capability), granted.value(capability)));
    }
    if (manifest.capabilities().empty())
        rows->addWidget(new QLabel(tr("This plugin asks for nothing: it can only compute.")));
    rows->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(list);
    layout->addWidget(scroll, 1);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(m_problem);
    m_enable = new QCheckBox(tr("Enable the plugin now"), this);
    m_enable->setObjectName(QStringLiteral("enable"));
    m_enable->setChecked(true);
    layout->addWidget(m_enable);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_accept = buttons->button(QDialogButtonBox::Ok);
    m_accept->setText(update ? tr("Update") : tr("Install"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 420);
    validate();
}

QWidget *PermissionReviewDialog::rowWidget(Row &row, bool isNew, bool isGranted, const QString &grantedScope)
{
    const QString capability = QString::fromStdString(row.request.name);
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 4);
    QString title = CapabilityWords::describe(row.request);
    if (isNew)
        title += tr("  — new in this version");
    row.allow = new QCheckBox(title, box);
    row.allow->setObjectName(QStringLiteral("allow-") + capability);
    layout->addWidget(row.allow);
    QString detail = tr("“%1”").arg(QString::fromStdString(row.request.reason));
    if (row.request.optional)
        detail += tr(" — optional: the plugin asks when you use it, if you leave it off here");
    auto *reason = new QLabel(detail, box);
    reason->setTextFormat(Qt::PlainText);  // the plugin's words are never markup
    reason->setWordWrap(true);
    reason->setIndent(24);
    reason->setStyleSheet(QStringLiteral("color: palette(mid)"));
    layout->addWidget(reason);
    if (takesPath(row.request)) {
        auto *line = new QHBoxLayout;
        line->addSpacing(24);
        row.path = new QLineEdit(box);
        row.path->setObjectName(QStringLiteral("path-") + capability);
        row.path->setPlaceholderText(capability == u"files" ? tr("Choose a folder…") : tr("Choose a file…"));
        auto *browse = new QPushButton(tr("Browse…"), box);
        row.access = new QComboBox(box);
        row.access->setObjectName(QStringLiteral("access-") + capability);
        row.access->addItem(tr("Read only"), true);
        if (row.request.access == "read-write")
            row.access->addItem(tr("Read and write"), false);
        line->addWidget(row.path, 1);
        line->addWidget(browse);
        line->addWidget(row.access);
        layout->addLayout(line);
        connect(browse, &QPushButton::clicked, this, [this, &row] { pickPath(row); });
        connect(row.path, &QLineEdit::textChanged, this, [this, &row](const QString &text) {
            if (!text.isEmpty())
                row.allow->setChecked(true);
            validate();
        });
        connect(row.access, &QComboBox::currentIndexChanged, this, &PermissionReviewDialog::validate);
        if (!grantedScope.isEmpty()) {
            QString path = grantedScope;
            const bool readOnly = path.endsWith(QLatin1String(":ro"));
            path = path.section(u':', 0, 0);
            row.path->setText(path);
            setReadOnly(capability, readOnly);
        } else if (row.request.access == "read-write") {
            row.access->setCurrentIndex(1);  // what it asks for; the user may narrow it
        }
    }
    // Already granted stays granted; new and optional ones wait for the user; a fresh install
    // proposes what the plugin needs (the user unticks what they refuse).
    row.allow->setChecked(isGranted || (!isNew && !row.request.optional && !takesPath(row.request)));
    connect(row.allow, &QCheckBox::toggled, this, &PermissionReviewDialog::validate);
    return box;
}

void PermissionReviewDialog::pickPath(Row &row)
{
    const QString path = row.request.name == "files"
                             ? QFileDialog::getExistingDirectory(this, tr("Folder for the plugin"), row.path->text())
                             : QFileDialog::getSaveFileName(this, tr("File for the plugin"), row.path->text(), QString(),
                                                            nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        row.path->setText(path);
}

void PermissionReviewDialog::validate()
{
    if (!m_accept)
        return;  // still being built
    QString problem;
    for (const Row &row : m_rows) {
        if (!row.allow->isChecked() || !row.path)
            continue;
        const QFileInfo info(row.path->text());
        if (row.path->text().isEmpty())
            problem = tr("Choose the %1 for “%2”, or untick it.")
                          .arg(row.request.name == "files" ? tr("folder") : tr("file"), CapabilityWords::describe(row.request));
        else if (row.request.name == "files" && !info.isDir())
            problem = tr("%1 is not a folder.").arg(row.path->text());
        else if (row.request.name == "file" && info.exists() && !info.isFile())
            problem = tr("%1 is not a file.").arg(row.path->text());
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_accept->setEnabled(problem.isEmpty());
}

QMap<QString, QString> PermissionReviewDialog::grants() const
{
    QMap<QString, QString> grants;
    for (const Row &row : m_rows) {
        if (!row.allow->isChecked())
            continue;
        QString scope;
        if (row.path) {
            scope = QFileInfo(row.path->text()).absoluteFilePath();
            if (row.access->currentData().toBool())
                scope += QStringLiteral(":ro");
        }
        grants.insert(QString::fromStdString(row.request.name), scope);
    }
    return grants;
}

bool PermissionReviewDialog::enableAfter() const
{
    return m_enable->isChecked();
}

void PermissionReviewDialog::setAllowed(const QString &capability, bool allowed)
{
    for (Row &row : m_rows) {
        if (QString::fromStdString(row.request.name) == capability)
            row.allow->setChecked(allowed);
    }
}

void PermissionReviewDialog::setFolder(const QString &capability, const QString &path)
{
    for (Row &row : m_rows) {
        if (QString::fromStdString(row.request.name) == capability && row.path)
            row.path->setText(path);
    }
}

void PermissionReviewDialog::setReadOnly(const QString &capability, bool readOnly)
{
    for (Row &row : m_rows) {
        if (QString::fromStdString(row.request.name) == capability && row.access)
            row.access->setCurrentIndex(row.access->findData(readOnly) < 0 ? 0 : row.access->findData(readOnly));
    }
}

} // namespace objcap::host
