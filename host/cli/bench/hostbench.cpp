#include "hostbench.h"

#include "benchreport.h"
#include "benchsettings.h"
#include "samples.h"

#include <objcap/runtime.h>
#include <plugininstance.h>
#include <pluginregistry.h>

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <chrono>

namespace objcap::cli {

namespace {

using Clock = std::chrono::steady_clock;
constexpr int pluginCount = 50;

objcap::Result<void> measureTicks(const BenchSettings &settings, BenchReport &report)
{
    std::vector<std::unique_ptr<objcap::Sandbox>> plugins;
    for (int i = 0; i < pluginCount; ++i) {
        objcap::SandboxOptions options;
        options.name = "bench-tick";
        auto sandbox = settings.runtime.createSandbox(std::move(options));
        if (!sandbox)
            return sandbox.error();
        auto loaded = sandbox.value()->exec("elapsed = 0.0\n"
                                       "def on_tick(dt):\n"
                                       "    global elapsed\n"
                                       "    elapsed += dt\n",
                                       "tick.py")
                          .get();
        if (!loaded)
            return loaded.error();
        plugins.push_back(std::move(sandbox).value());
    }
    const auto duration = std::chrono::milliseconds(settings.scaled(1500, 5000));
    Samples ticks;
    const auto start = Clock::now();
    auto last = start;
    std::vector<std::future<objcap::Result<objcap::Value>>> pending;
    while (last - start < duration) {
        const double dt = std::chrono::duration<double>(Clock::now() - last).count();
        pending.clear();
        for (auto &plugin : plugins)  // every plugin ticks on its own thread, in parallel
            pending.push_back(plugin->call("on_tick", {objcap::Value(dt)}));
        for (auto &future : pending) {
            if (auto done = future.get(); !done)
                return done.error();
        }
        const auto now = Clock::now();
        ticks.add(std::chrono::duration<double, std::milli>(now - last).count());
        last = now;
    }
    const double seconds = std::chrono::duration<double>(last - start).count();
    report.add({QStringLiteral("tick_hz"), static_cast<double>(ticks.size()) / seconds, QStringLiteral("Hz"),
                QStringLiteral("%1 plugins").arg(pluginCount), std::nullopt, BenchReport::Bar::none()});
    report.add({QStringLiteral("tick_p99_ms"), ticks.percentile(99), QStringLiteral("ms"), {}, std::nullopt,
                BenchReport::Bar::none()});
    report.addDetail(QStringLiteral("tick_p50_ms"), ticks.median());
    return {};
}

objcap::Result<void> writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return objcap::Error::make(objcap::ErrorCode::Io, "cannot write " + path.toStdString());
    return {};
}

// 50 small plugins, installed and enabled in a registry of their own.
objcap::Result<QString> installPlugins(const BenchSettings &settings)
{
    const QString dataRoot = settings.workDir + QStringLiteral("/registry");
    auto registry = objcap::host::PluginRegistry::open(dataRoot);
    if (!registry)
        return registry.error();
    for (int i = 0; i < pluginCount; ++i) {
        const QString id = QStringLiteral("org.objcap.bench.p%1").arg(i, 2, 10, QLatin1Char('0'));
        const QString folder = settings.workDir + QStringLiteral("/sources/") + id;
        QDir().mkpath(folder);
        const QByteArray manifest = "[plugin]\nid = \"" + id.toUtf8() +
                                    "\"\nname = \"Bench plugin\"\nversion = \"1.0.0\"\nentry = \"main.py\"\n"
                                    "description = \"A small plugin for objcap bench\"\napi = \">=1.0\"\n";
        // Like the hello plugin: a little state set up on activation, no imports.
        const QByteArray code = "settings = {}\n\n\n"
                                "def activate(ctx):\n"
                                "    settings.update(interval=5, name='bench')\n";
        if (auto w = writeFile(folder + QStringLiteral("/plugin.toml"), manifest); !w)
            return w.error();
        if (auto w = writeFile(folder + QStringLiteral("/main.py"), code); !w)
            return w.error();
        if (auto installed = registry->install(folder); !installed)
            return installed.error();
        if (auto enabled = registry->setEnabled(id, true); !enabled)
            return enabled.error();
    }
    return dataRoot;
}

objcap::Result<void> measureStartup(const BenchSettings &settings, BenchReport &report)
{
    auto dataRoot = installPlugins(settings);
    if (!dataRoot)
        return dataRoot.error();

    using State = objcap::host::PluginInstance::State;
    std::vector<std::unique_ptr<objcap::host::PluginInstance>> instances;
    QEventLoop loop;
    int settled = 0, running = 0;
    QString failure;
    QElapsedTimer timer;
    timer.start();
    auto registry = objcap::host::PluginRegistry::open(dataRoot.value());
    if (!registry)
        return registry.error();
    for (const auto &plugin : registry->plugins()) {
        objcap::host::PluginInstance::Options options;
        options.folder = registry->codeFolder(plugin.id);
        options.enabled = plugin.enabled;
        auto instance = std::make_unique<objcap::host::PluginInstance>(settings.runtime, std::move(options));
        auto *raw = instance.get();
        QObject::connect(raw, &objcap::host::PluginInstance::stateChanged, &loop, [&, raw](State state) {
            if (state != State::Running && state != State::Failed)
                return;
            running += state == State::Running;
            if (state == State::Failed && failure.isEmpty())
                failure = raw->error();
            if (++settled == pluginCount)
                loop.quit();
        });
        instances.push_back(std::move(instance));
    }
    for (auto &instance : instances)
        instance->start();  // creates the sandbox on this thread; loading and activate() follow
    const double startedMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    if (settled < pluginCount)
        loop.exec();
    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    if (running != pluginCount)
        return objcap::Error::make(objcap::ErrorCode::Runtime, "startup_50: only " + std::to_string(running) +
                                                                   " of 50 plugins activated; " + failure.toStdString());
    report.add({QStringLiteral("startup_50_ms"), ms, QStringLiteral("ms"), {}, std::nullopt,
                BenchReport::Bar::atMost(500)});
    report.addDetail(QStringLiteral("startup_50_started_ms"), startedMs);
    instances.clear();
    return {};
}

} // namespace

objcap::Result<void> HostBench::run(const BenchSettings &settings, BenchReport &report)
{
    if (auto ticks = measureTicks(settings, report); !ticks)
        return ticks;
    return measureStartup(settings, report);
}

} // namespace objcap::cli
