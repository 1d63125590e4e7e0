// objcap-host — the desktop host.
#include "documenteditor.h"
#include "mainwindow.h"
#include "pluginfolders.h"
#include "pluginhost.h"
#include "pluginmanager.h"
#include "versiontext.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>

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
                               QStringLiteral("Install (or update) every plugin folder in DIR; they wait for your "
                                              "permission review. May be repeated."),
                               QStringLiteral("DIR"));
    QCommandLineOption dataDir(QStringLiteral("data-dir"),
                               QStringLiteral("Keep installed plugins, their data and grants in DIR instead of the "
                                              "user's data folder."),
                               QStringLiteral("DIR"));
    parser.addOption(version);
    parser.addOption(plugins);
    parser.addOption(dataDir);
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QStringLiteral("Save a picture of the window to FILE.png a moment after the "
                                                 "plugins start, then quit (for the documentation)."),
                                  QStringLiteral("FILE"));
    parser.addOption(screenshot);
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("A .objcap package to install, or a text file to open."),
                                 QStringLiteral("[PACKAGE.objcap | FILE]"));
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

    objcap::host::PluginHost::Options options;
    options.dataRoot = parser.value(dataDir);
    auto host = objcap::host::PluginHost::open(*runtime.value(), options);
    if (!host) {
        const QString message = QString::fromStdString(host.error().message);
        std::fprintf(stderr, "objcap-host: %s\n", qPrintable(message));
        QMessageBox::critical(nullptr, QStringLiteral("objcap"), message);
        return 4;
    }
    // Example or development plugins: installed (or updated) but granted nothing until reviewed.
    for (const QString &folder : objcap::host::PluginFolders::discover(parser.values(plugins))) {
        auto manifest = objcap::Manifest::load(folder.toStdString());
        if (!manifest) {
            std::fprintf(stderr, "objcap-host: %s\n", manifest.error().message.c_str());
            continue;
        }
        const auto *installed = host.value()->registry().find(QString::fromStdString(manifest->id()));
        if (installed && installed->version == QString::fromStdString(manifest->version()))
            continue;
        if (auto done = host.value()->install(folder); !done)
            std::fprintf(stderr, "objcap-host: %s\n", done.error().message.c_str());
    }

    objcap::host::MainWindow window(runtime.value()->info(), *host.value());
    window.show();
    host.value()->startEnabled();
    // A package is installed (through the permission review); anything else opens as a document.
    for (const QString &argument : parser.positionalArguments()) {
        QTimer::singleShot(0, &window, [&window, argument] {
            QString problem;
            if (argument.endsWith(QLatin1String(".objcap")))
                problem = window.pluginManager()->installFrom(argument);
            else if (auto opened = window.editor()->openFile(argument); !opened)
                problem = QString::fromStdString(opened.error().message);
            window.pluginManager()->report(problem);
        });
    }
    if (parser.isSet(screenshot)) {
        QTimer::singleShot(2000, &window, [&window, file = parser.value(screenshot)] {
            if (!window.grab().save(file))
                std::fprintf(stderr, "objcap-host: cannot save %s\n", qPrintable(file));
            QApplication::quit();
        });
    }
    // On return the window goes first, then the host ends every plugin (bounded even for one
    // stuck in native code: Sandbox::stopGrace), then the runtime.
    return QApplication::exec();
}
