#include "testcommand.h"

#include "exitcode.h"
#include "fixtureserver.h"

#include <pluginlocation.h>
#include <objcap/filecapabilities.h>
#include <objcap/logcapability.h>
#include <objcap/manifest.h>
#include <objcap/runtime.h>
#include <objcap/storagecapability.h>
#include <objcap/timerscapability.h>

#include <netcapability.h>

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace objcap::cli {

using objcap::host::PluginLocation;

namespace {

int usage(const QString &message)
{
    std::fprintf(stderr, "objcap test: %s\nusage: objcap test DIR [--timeout SECONDS]\n", qPrintable(message));
    return UsageError;
}

void forward(objcap::Stream stream, std::string_view text)
{
    std::fwrite(text.data(), 1, text.size(), stream == objcap::Stream::Stderr ? stderr : stdout);
}

bool requests(const objcap::Manifest &manifest, const std::string &capability)
{
    const auto &all = manifest.capabilities();
    return std::any_of(all.begin(), all.end(), [&](const auto &request) { return request.name == capability; });
}

// The grants of one test file: throwaway scopes for what the plugin may ask for. The scratch
// folder is writable so tests can lay out fixtures; a quota the manifest asks for applies.
// ctx.net reaches only the loopback fixture server, whose origin the tests see as test_origin.
void grantForTests(objcap::Sandbox &sandbox, const QTemporaryDir &scratch, const objcap::Manifest &manifest,
                   const QString &fixtureOrigin)
{
    if (!fixtureOrigin.isEmpty()) {
        if (auto net = objcap::host::NetCapability::create({fixtureOrigin}))
            sandbox.grant("net", net.value());
    }
    std::optional<std::uint64_t> quota;
    for (const objcap::CapabilityRequest &request : manifest.capabilities())
        quota = request.name == "files" ? request.quotaBytes : quota;
    QDir(scratch.path()).mkpath(QStringLiteral("files"));
    if (auto files = objcap::makeDirectoryCapability({scratch.filePath(QStringLiteral("files")).toStdString(), false,
                                                      quota}))
        sandbox.grant("files", files.value());
    if (auto storage = objcap::makeStorageCapability(scratch.filePath(QStringLiteral("storage.sqlite")).toStdString()))
        sandbox.grant("storage", storage.value());
    sandbox.grant("log", objcap::makeLogCapability([](objcap::LogLevel, std::string_view message) {
        std::fprintf(stderr, "  [log] %.*s\n", static_cast<int>(message.size()), message.data());
    }));
    sandbox.grant("timers", objcap::makeTimersCapability());
}

} // namespace

int TestCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    QCommandLineOption timeout(QStringLiteral("timeout"), QStringLiteral("Time budget of each test (default 10)."),
                               QStringLiteral("SECONDS"), QStringLiteral("10"));
    parser.addOption(timeout);
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("The plugin folder."));
    if (!parser.parse(arguments) || parser.positionalArguments().size() != 1)
        return usage(parser.errorText().isEmpty() ? QStringLiteral("exactly one plugin folder expected") : parser.errorText());
    bool ok = false;
    const double seconds = parser.value(timeout).toDouble(&ok);
    if (!ok || seconds <= 0)
        return usage(QStringLiteral("--timeout needs a positive number of seconds"));
    auto location = PluginLocation::resolve(parser.positionalArguments().first());
    if (!location) {
        std::fprintf(stderr, "%s\n", location.error().message.c_str());
        return PluginError;
    }
    const QString folder = location.value()->folder();
    const objcap::Manifest &manifest = location.value()->manifest();
    const QStringList files =
        QDir(folder + QStringLiteral("/tests")).entryList({QStringLiteral("test_*.py")}, QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        std::fprintf(stderr, "objcap test: no tests/test_*.py in %s\n", qPrintable(folder));
        return PluginError;
    }
    FixtureServer fixtures(folder + QStringLiteral("/tests/http"));
    const QString fixtureOrigin = requests(manifest, "net") ? fixtures.start() : QString();
    if (requests(manifest, "net") && fixtureOrigin.isEmpty()) {
        std::fprintf(stderr, "objcap test: cannot listen on 127.0.0.1 for the net fixtures\n");
        return RuntimeFailure;
    }
    auto runtime = objcap::Runtime::start();
    if (!runtime) {
        std::fprintf(stderr, "objcap: %s\n", runtime.error().message.c_str());
        return RuntimeFailure;
    }
    objcap::RunOptions budget;
    budget.timeLimit = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
    int passed = 0, failed = 0;
    for (const QString &name : files) {
        QFile file(folder + QStringLiteral("/tests/") + name);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QTemporaryDir scratch;
        objcap::SandboxOptions options;
        options.name = "test";
        options.output = &forward;
        options.packageFolder = folder.toStdString();
        options.packageName = manifest.id();
        options.callbackTimeLimit = budget.timeLimit;
        auto sandbox = runtime.value()->createSandbox(std::move(options));
        if (!sandbox) {
            std::fprintf(stderr, "objcap: %s\n", sandbox.error().message.c_str());
            return RuntimeFailure;
        }
        grantForTests(*sandbox.value(), scratch, manifest, fixtureOrigin);
        const std::string filename = manifest.id() + "/tests/" + name.toStdString();
        auto loaded = sandbox.value()->exec("test_origin = " + objcap::Value(fixtureOrigin.toStdString()).repr() + "\n",
                                            "<objcap test>", budget).get();
        if (loaded)
            loaded = sandbox.value()->exec(file.readAll().toStdString(), filename, budget).get();
        if (!loaded) {
            std::printf("FAIL %s (could not load)\n%s", qPrintable(name), loaded.error().traceback.c_str());
            ++failed;
            continue;
        }
        auto names = sandbox.value()->eval("sorted(n for n, f in globals().items() if n.startswith('test_') and callable(f))",
                                           budget).get();
        if (!names || !names->is<objcap::Value::List>())
            continue;
        for (const objcap::Value &test : names->as<objcap::Value::List>()) {
            const std::string function = test.as<std::string>();
            auto result = sandbox.value()->call(function, {}, budget).get();
            if (result) {
                std::printf("ok   %s::%s\n", qPrintable(name), function.c_str());
                ++passed;
            } else {
                std::printf("FAIL %s::%s\n%s", qPrintable(name), function.c_str(),
                            (result.error().traceback.empty() ? result.error().message + "\n" : result.error().traceback).c_str());
                ++failed;
            }
        }
    }
    std::printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 && passed > 0 ? Completed : PluginError;
}

} // namespace objcap::cli
