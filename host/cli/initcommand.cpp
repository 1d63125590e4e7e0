#include "initcommand.h"

#include "exitcode.h"

#include <objcap/manifest.h>

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <cstdio>

namespace objcap::cli {

namespace {

int usage(const QString &message)
{
    std::fprintf(stderr, "objcap init: %s\nusage: objcap init DIR [--id ID]\n", qPrintable(message));
    return UsageError;
}

bool write(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size() && file.commit();
}

} // namespace

int InitCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    QCommandLineOption idOption(QStringLiteral("id"), QStringLiteral("The plugin id (reverse-DNS)."), QStringLiteral("ID"));
    parser.addOption(idOption);
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("Folder to create the plugin in."));
    if (!parser.parse(arguments) || parser.positionalArguments().size() != 1)
        return usage(parser.errorText().isEmpty() ? QStringLiteral("exactly one folder expected") : parser.errorText());
    const QString folder = parser.positionalArguments().first();
    QDir dir(folder);
    if (dir.exists() && !dir.isEmpty())
        return usage(QStringLiteral("%1 is not empty; nothing was written").arg(folder));
    QString base = QFileInfo(folder).fileName().toLower();
    base.replace(QRegularExpression(QStringLiteral("[^a-z0-9-]")), QStringLiteral("-"));
    if (base.isEmpty() || !base.front().isLetter())
        base.prepend(u'p');
    const QString id = parser.isSet(idOption) ? parser.value(idOption) : QStringLiteral("org.example.") + base;
    const QByteArray manifest = QStringLiteral(
        "[plugin]\n"
        "id = \"%1\"\n"
        "name = \"%2\"\n"
        "version = \"0.1.0\"\n"
        "entry = \"main.py\"\n"
        "description = \"What %2 does, in one line.\"\n"
        "authors = [\"You\"]\n"
        "license = \"MIT\"\n"
        "api = \">=1.0\"\n"
        "\n"
        "[capabilities.log]\n"
        "reason = \"Reports what it does in the activity log\"\n").arg(id, QFileInfo(folder).fileName()).toUtf8();
    if (!objcap::Manifest::parse(manifest.toStdString(), "plugin.toml"))
        return usage(QStringLiteral("'%1' is not a valid plugin id (lowercase reverse-DNS, like org.example.tool)").arg(id));
    const QByteArray main = "\"\"\"Entry point: the host calls activate(ctx) once, deactivate() on unload.\"\"\"\n"
                            "\n"
                            "\n"
                            "def greeting(name):\n"
                            "    return \"hello, \" + name\n"
                            "\n"
                            "\n"
                            "def activate(ctx):\n"
                            "    ctx.log.info(greeting(\"world\"))\n"
                            "\n"
                            "\n"
                            "def deactivate():\n"
                            "    pass\n";
    const QByteArray test = "\"\"\"Run with `objcap test .`: every test_* function, inside the plugin's sandbox.\"\"\"\n"
                            "import main\n"
                            "\n"
                            "\n"
                            "def test_greeting():\n"
                            "    assert main.greeting(\"objcap\") == \"hello, objcap\"\n";
    if (!dir.mkpath(QStringLiteral("tests")) || !write(dir.filePath(QStringLiteral("plugin.toml")), manifest) ||
        !write(dir.filePath(QStringLiteral("main.py")), main) ||
        !write(dir.filePath(QStringLiteral("tests/test_main.py")), test)) {
        std::fprintf(stderr, "objcap init: cannot write into %s\n", qPrintable(folder));
        return RuntimeFailure;
    }
    std::printf("created plugin %s in %s: plugin.toml, main.py, tests/test_main.py\n", qPrintable(id),
                qPrintable(folder));
    return Completed;
}

} // namespace objcap::cli
