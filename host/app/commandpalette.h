#pragma once

#include <QDialog>
#include <QList>
#include <QPointer>

class QAction;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace objcap::host {

// Ctrl+Shift+P: a filter line over commands; Enter (or activating a row) runs the chosen one.
// Each action is listed by its "paletteText" property, or its text without mnemonics.
class CommandPalette : public QDialog {
    Q_OBJECT

public:
    explicit CommandPalette(QWidget *parent = nullptr);

    void setCommands(const QList<QAction *> &actions);
    QStringList visibleCommands() const;  // in the filtered order
    QLineEdit *filterEdit() const { return m_filter; }
    QListView *listView() const { return m_list; }

public slots:
    void runCurrent();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void selectFirst();

    QLineEdit *m_filter;
    QListView *m_list;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QList<QPointer<QAction>> m_actions;
};

} // namespace objcap::host
