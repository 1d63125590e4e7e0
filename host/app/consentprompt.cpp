#include "consentprompt.h"

#include "capabilitywords.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>

namespace objcap::host {

void ConsentPrompt::ask(QWidget *parent, const PluginHost::ConsentRequest &request,
                        std::function<void(PluginHost::Consent, QString scope)> answer)
{
    auto *box = new QMessageBox(QMessageBox::Question, QObject::tr("%1 asks for more").arg(request.pluginName),
                                QObject::tr("<b>%1</b> asks to: %2<br><i>“%3”</i>")
                                    .arg(request.pluginName.toHtmlEscaped(),
                                         CapabilityWords::describe(request.request).toHtmlEscaped(),
                                         QString::fromStdString(request.request.reason).toHtmlEscaped()),
                                QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("consentPrompt"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *once = box->addButton(QObject::tr("Allow once"), QMessageBox::AcceptRole);
    QPushButton *always = box->addButton(QObject::tr("Always allow"), QMessageBox::YesRole);
    QPushButton *deny = box->addButton(QObject::tr("Deny"), QMessageBox::RejectRole);
    once->setObjectName(QStringLiteral("allowOnce"));
    always->setObjectName(QStringLiteral("allowAlways"));
    deny->setObjectName(QStringLiteral("deny"));
    box->setDefaultButton(deny);
    QObject::connect(box, &QMessageBox::finished, box, [box, once, always, request, answer, parent] {
        QAbstractButton *clicked = box->clickedButton();
        if (clicked != once && clicked != always)
            return answer(PluginHost::Consent::Deny, {});
        QString scope;
        if (request.request.name == "files" || request.request.name == "file") {
            scope = request.request.name == "files"
                        ? QFileDialog::getExistingDirectory(parent, QObject::tr("Folder for %1").arg(request.pluginName))
                        : QFileDialog::getSaveFileName(parent, QObject::tr("File for %1").arg(request.pluginName));
            if (scope.isEmpty())
                return answer(PluginHost::Consent::Deny, {});
            if (request.request.access != "read-write")
                scope += QStringLiteral(":ro");
        }
        answer(clicked == always ? PluginHost::Consent::AllowAlways : PluginHost::Consent::AllowOnce, scope);
    });
    box->open();
}

} // namespace objcap::host
