#pragma once

#include <objcap/manifest.h>

#include <QDialog>
#include <QMap>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace objcap::host {

// The permission review: each capability a plugin asks for, in plain words with the plugin's
// reason and scope, and a choice per capability. For files the user picks the folder and
// read-only or read-write (read-write only if the plugin asks for it). What grants() returns
// is exactly what the user ticked. For an update, `granted` holds what the plugin has now:
// those stay ticked, and what the new version asks for beyond them is marked new and unticked.
// Optional capabilities are asked for at run time; they can be granted here too.
class PermissionReviewDialog : public QDialog {
    Q_OBJECT
public:
    PermissionReviewDialog(const objcap::Manifest &manifest, const QMap<QString, QString> &granted, bool update,
                           QWidget *parent = nullptr);

    // capability -> scope, in the registry's syntax ("files" -> "/home/me/notes:ro").
    QMap<QString, QString> grants() const;
    QStringList newCapabilities() const { return m_new; }
    bool enableAfter() const;

    // What the controls do, without them (tests, scripted installs).
    void setAllowed(const QString &capability, bool allowed);
    void setFolder(const QString &capability, const QString &path);
    void setReadOnly(const QString &capability, bool readOnly);

private:
    struct Row {
        objcap::CapabilityRequest request;
        QCheckBox *allow = nullptr;
        QLineEdit *path = nullptr;   // files, file
        QComboBox *access = nullptr; // files, file
    };
    QWidget *rowWidget(Row &row, bool isNew, bool isGranted, const QString &grantedScope);
    void pickPath(Row &row);
    void validate();

    std::vector<Row> m_rows;
    QStringList m_new;
    QCheckBox *m_enable = nullptr;
    QPushButton *m_accept = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace objcap::host
