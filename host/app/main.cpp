// objcap-host — the desktop host.
#include "mainwindow.h"
#include "pluginfolders.h"
#include "versiontext.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("objcap"));
    QApplication::setOrganizationDomain(QStringLiteral("objcap.org"));
    QApplication::setApplicationDisplayName(QStringLiteral("objcap"));
    QApplication::setApplicationVersion(QString::fromLatin1(objcap::Runtime::version()));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/objcap/icons/objcap.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.objcap.Host"));  // packaging/: the .desktop id

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Desktop host for sandboxed Python plugins."));
    parser.addHelpOption();
    QCommandLineOption version(QStringList{QStringLiteral("version"), QStringLiteral("V")},
                               QStringLiteral("Print the objcap and CPython versions."));
    QCommandLineOption plugins(QStringLiteral("plugins-dir"),
                               QStringLiteral("Also load plugins from DIR (may be repeated)."), QStringLiteral("DIR"));
    parser.addOption(version);
    parser.addOption(plugins);
    if (!parser.parse(QApplication::arguments())) {
        std::fprintf(stderr, "objcap-host: %s\n%s", qPrintable(parser.errorText()), qPrintable(parser.helpText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);

    auto runtime = objcap::Runtime::start();
    if (!runtime) {
        const QString message = QString::fromStdString(runtime.error().message);
        std::fprintf(stderr, "objcap-host: %s\n", qPrintable(message));
        if (!parser.isSet(version))
            QMessageBox::critical(nullptr, QStringLiteral("objcap"), message);
        return 4;
    }
    if (parser.isSet(version)) {
        std::fputs(qPrintable(objcap::host::VersionText::forRuntime(QStringLiteral("objcap-host"),
                                                                   runtime.value()->info())),
                   stdout);
        return 0;
    }

    QStringList roots{objcap::host::PluginFolders::userPluginRoot()};
    roots << parser.values(plugins);
    objcap::host::MainWindow window(runtime.value()->info(), roots);
    window.show();
    return QApplication::exec();
}
