#include "pluginhost.h"

#include "grantoption.h"
#include "registrywatcher.h"

#include <objcap/callback.h>

namespace objcap::host {

namespace {

objcap::Error failure(const QString &message)
{
    return objcap::Error::make(objcap::ErrorCode::InvalidArgument, message.toStdString());
}

const objcap::CapabilityRequest *requestOf(const objcap::Manifest &manifest, const QString &capability)
{
    for (const objcap::CapabilityRequest &request : manifest.capabilities()) {
        if (QString::fromStdString(request.name) == capability)
            return &request;
    }
    return nullptr;
}

} // namespace

objcap::Result<std::unique_ptr<PluginHost>> PluginHost::open(objcap::Runtime &runtime, Options options)
{
    auto registry = PluginRegistry::open(options.dataRoot);
    if (!registry)
        return registry.error();
    std::unique_ptr<PluginHost> host(new PluginHost(runtime, std::move(options), std::move(registry).value()));
    return host;
}

PluginHost::PluginHost(objcap::Runtime &runtime, Options options, PluginRegistry registry)
    : m_runtime(runtime), m_options(std::move(options)), m_registry(std::move(registry)),
      m_watcher(new RegistryWatcher(m_options.dataRoot, this))
{
    qRegisterMetaType<objcap::AuditRecord>();
    // Our own saves come back here too; applying them again changes nothing.
    connect(m_watcher, &RegistryWatcher::pluginChanged, this, &PluginHost::syncWithRegistry);
    connect(m_watcher, &RegistryWatcher::uninstalled, this, &PluginHost::syncWithRegistry);
    for (const PluginRegistry::Plugin &plugin : m_registry.plugins())
        load(plugin);
}

PluginHost::~PluginHost()
{
    // All at once: quitting with several plugins stuck in native code takes one grace, not one each.
    std::vector<PluginInstance *> instances;
    for (const auto &[id, loaded] : m_plugins)
        instances.push_back(loaded.instance.get());
    PluginInstance::closeAll(instances);
    m_plugins.clear();  // before the owners of the host-defined capabilities go
}

void PluginHost::defineCapability(const QString &name, CapabilityFactory factory)
{
    if (!factory) {
        m_factories.erase(name);  // its owner is going: later starts go without
        return;
    }
    m_factories[name] = std::move(factory);
    // Plugins loaded before the host defined it get it now (at their next start if they run).
    for (const PluginRegistry::Plugin &plugin : m_registry.plugins()) {
        PluginInstance *loaded = instance(plugin.id);
        if (!loaded || !plugin.grants.contains(name))
            continue;
        if (auto made = makeCapability(plugin.id, name, plugin.grants.value(name)))
            loaded->grant(name.toStdString(), std::move(made).value());
    }
}

QStringList PluginHost::pluginIds() const
{
    QStringList ids;
    for (const auto &[id, loaded] : m_plugins)
        ids << id;
    return ids;
}

PluginInstance *PluginHost::instance(const QString &id) const
{
    const auto it = m_plugins.find(id);
    return it == m_plugins.end() ? nullptr : it->second.instance.get();
}

const objcap::Manifest *PluginHost::manifest(const QString &id) const
{
    const auto it = m_plugins.find(id);
    return it == m_plugins.end() || !it->second.manifest ? nullptr : &*it->second.manifest;
}

void PluginHost::load(const PluginRegistry::Plugin &plugin)
{
    const QString id = plugin.id;
    Loaded &loaded = m_plugins[id];  // the manifest first: the grants read it (quota, origins)
    auto manifest = objcap::Manifest::load(m_registry.codeFolder(id).toStdString());
    if (manifest)
        loaded.manifest = std::move(manifest).value();
    PluginInstance::Options options;
    options.folder = m_registry.codeFolder(id);
    options.enabled = plugin.enabled;
    options.timeLimit = m_options.timeLimit;
    options.memoryLimit = m_options.memoryLimit;
    if (loaded.manifest)
        options.grants = grantsOf(plugin);
    loaded.instance = std::make_unique<PluginInstance>(m_runtime, std::move(options));
    PluginInstance *instance = loaded.instance.get();
    connect(instance, &PluginInstance::stateChanged, this, [this, id](PluginInstance::State state) {
        emit stateChanged(id, state);
    });
    connect(instance, &PluginInstance::audited, this,
            [this, id](const objcap::AuditRecord &record) { emit activity(id, record); });
    connect(instance, &PluginInstance::outputWritten, this,
            [this, id](int stream, const QString &text) { emit output(id, stream, text); });
}

void PluginHost::unload(const QString &id)
{
    m_plugins.erase(id);
    for (const auto &[name, factory] : m_factories)
        emit capabilityEnded(id, name);
}

objcap::Result<std::shared_ptr<objcap::Capability>> PluginHost::makeCapability(const QString &id, const QString &capability,
                                                                               const QString &scope)
{
    if (const auto factory = m_factories.find(capability); factory != m_factories.end()) {
        auto made = factory->second(id);
        if (!made)
            return failure(QStringLiteral("this host cannot offer '%1' now").arg(capability));
        return made;
    }
    if (m_factories.empty() && (capability == u"document" || capability == u"ui"))
        return failure(QStringLiteral("'%1' is defined by host applications; this one offers none").arg(capability));
    if (capability == u"log") {
        objcap::LogSink sink = [this, id](objcap::LogLevel level, std::string_view message) {
            emit logged(id, static_cast<int>(level),
                        QString::fromUtf8(message.data(), static_cast<qsizetype>(message.size())));
        };
        return objcap::makeLogCapability(std::move(sink));
    }
    const objcap::Manifest *plugin = manifest(id);
    const PluginRegistry::Plugin *entry = m_registry.find(id);
    if (!plugin || !entry)
        return failure(QStringLiteral("%1 is not installed or its manifest cannot be read").arg(id));
    PluginRegistry::Plugin asked = *entry;  // the scope being granted, which the registry may not hold yet
    asked.grants.insert(capability, scope);
    const QString spec = m_registry.grantSpec(asked, *plugin, capability);
    auto grant = GrantOption::parse(spec, {});
    if (!grant)
        return grant.error();
    return grant->capability;
}

std::vector<PluginInstance::Grant> PluginHost::grantsOf(const PluginRegistry::Plugin &plugin)
{
    std::vector<PluginInstance::Grant> grants;
    for (auto it = plugin.grants.begin(); it != plugin.grants.end(); ++it) {
        auto capability = makeCapability(plugin.id, it.key(), it.value());
        if (capability)
            grants.push_back({it.key().toStdString(), std::move(capability).value()});
        else
            emit logged(plugin.id, static_cast<int>(objcap::LogLevel::Warning),
                        QStringLiteral("'%1' is granted but unavailable: %2")
                            .arg(it.key(), QString::fromStdString(capability.error().message)));
    }
    const objcap::Manifest *m = manifest(plugin.id);
    const bool asksLater = m && std::any_of(m->capabilities().begin(), m->capabilities().end(),
                                            [](const objcap::CapabilityRequest &r) { return r.optional; });
    if (asksLater)
        grants.push_back({"permissions", permissionsFor(plugin.id)});
    return grants;
}

void PluginHost::startEnabled()
{
    for (const auto &[id, loaded] : m_plugins) {
        if (loaded.instance->state() == PluginInstance::State::Enabled)
            loaded.instance->start();
    }
}

objcap::Result<PluginRegistry::Plugin> PluginHost::install(const QString &path)
{
    auto installed = m_registry.install(path);
    if (!installed)
        return installed.error();
    const QString id = installed->id;
    const bool wasRunning = instance(id) && instance(id)->state() == PluginInstance::State::Running;
    unload(id);  // the instance held the old code's grants and manifest
    load(*m_registry.find(id));
    if (wasRunning && m_registry.find(id)->enabled)
        instance(id)->start();
    emit pluginsChanged();
    return installed;
}

objcap::Result<void> PluginHost::approve(const QString &id, const QMap<QString, QString> &grants, bool enable)
{
    const PluginRegistry::Plugin *plugin = m_registry.find(id);
    if (!plugin)
        return failure(QStringLiteral("%1 is not installed").arg(id));
    const QStringList granted = plugin->grants.keys();
    for (const QString &capability : granted) {
        if (!grants.contains(capability))
            if (auto revoked = revoke(id, capability); !revoked)
                return revoked;
    }
    for (auto it = grants.begin(); it != grants.end(); ++it) {
        if (auto given = grant(id, it.key(), it.value()); !given)
            return given;
    }
    // What an update newly asks for and the user left unticked keeps the plugin disabled.
    if (enable && !m_registry.find(id)->pendingApproval.isEmpty())
        return {};
    return setEnabled(id, enable);
}

objcap::Result<void> PluginHost::grant(const QString &id, const QString &capability, const QString &scope)
{
    // Make it first: a scope that cannot be granted (a missing folder) changes nothing.
    auto made = makeCapability(id, capability, scope);
    if (!made)
        return made.error();
    if (auto saved = m_registry.grant(id, capability, scope); !saved)
        return saved;
    if (PluginInstance *plugin = instance(id))
        plugin->grant(capability.toStdString(), std::move(made).value());
    emit pluginsChanged();
    return {};
}

objcap::Result<void> PluginHost::revoke(const QString &id, const QString &capability)
{
    if (auto saved = m_registry.revoke(id, capability); !saved)
        return saved;
    if (PluginInstance *plugin = instance(id))
        plugin->revoke(capability.toStdString());
    emit capabilityEnded(id, capability);
    emit pluginsChanged();
    return {};
}

objcap::Result<void> PluginHost::setEnabled(const QString &id, bool enabled)
{
    if (auto saved = m_registry.setEnabled(id, enabled); !saved)
        return saved;
    if (PluginInstance *plugin = instance(id)) {
        plugin->setEnabled(enabled);
        if (enabled)
            plugin->start();
    }
    emit pluginsChanged();
    return {};
}

objcap::Result<void> PluginHost::uninstall(const QString &id, bool removeData)
{
    if (!m_registry.find(id))
        return failure(QStringLiteral("%1 is not installed").arg(id));
    unload(id);  // the code goes only once nothing runs it
    if (auto removed = m_registry.uninstall(id, removeData); !removed)
        return removed;
    emit pluginsChanged();
    return {};
}

void PluginHost::syncWithRegistry()
{
    auto reread = PluginRegistry::open(m_options.dataRoot);
    if (!reread)
        return;  // a registry being replaced right now: the next change brings it
    std::map<QString, PluginRegistry::Plugin> before;
    for (const PluginRegistry::Plugin &plugin : m_registry.plugins())
        before[plugin.id] = plugin;
    m_registry = std::move(reread).value();
    for (const auto &[id, old] : before) {
        const PluginRegistry::Plugin *now = m_registry.find(id);
        if (!now) {
            unload(id);
            continue;
        }
        PluginInstance *plugin = instance(id);
        for (auto it = old.grants.begin(); it != old.grants.end(); ++it) {
            if (!plugin || (now->grants.contains(it.key()) && now->grants.value(it.key()) == it.value()))
                continue;
            plugin->revoke(it.key().toStdString());
            emit capabilityEnded(id, it.key());
        }
        for (auto it = now->grants.begin(); it != now->grants.end(); ++it) {
            if (!plugin || (old.grants.contains(it.key()) && old.grants.value(it.key()) == it.value()))
                continue;
            if (auto made = makeCapability(id, it.key(), it.value()))
                plugin->grant(it.key().toStdString(), std::move(made).value());
        }
        if (plugin && old.enabled != now->enabled) {
            plugin->setEnabled(now->enabled);
            if (now->enabled)
                plugin->start();
        }
    }
    for (const PluginRegistry::Plugin &plugin : m_registry.plugins()) {
        if (!before.count(plugin.id))
            load(plugin);
    }
    emit pluginsChanged();
}

void PluginHost::noteUserAction(const QString &id)
{
    std::lock_guard lock(m_actionsMutex);
    m_lastAction[id] = std::chrono::steady_clock::now();
}

bool PluginHost::recentUserAction(const QString &id)
{
    std::lock_guard lock(m_actionsMutex);
    const auto it = m_lastAction.find(id);
    return it != m_lastAction.end() && std::chrono::steady_clock::now() - it->second < userActionWindow;
}

// ctx.permissions.request(name, callback): asks the user for an optional capability; the
// callback gets True once ctx.<name> is there, False if refused. Only right after a user action.
std::shared_ptr<objcap::Capability> PluginHost::permissionsFor(const QString &id)
{
    objcap::FunctionCapability::Methods methods;
    methods["request"] = [this, id](const objcap::Arguments &args) -> objcap::Result<objcap::Value> {
        if (auto ok = args.expect(2, {"capability", "callback"}); !ok)
            return ok.error();
        auto name = args.string(0, "capability");
        if (!name)
            return name.error();
        auto callback = args.callback(1, "callback");
        if (!callback)
            return callback.error();
        if (!recentUserAction(id))
            return objcap::Error::make(objcap::ErrorCode::Refused,
                                       "permissions are asked for only right after a user action (a command or a panel event)");
        QMetaObject::invokeMethod(
            this,
            [this, id, capability = QString::fromStdString(name.value()), cb = callback.value()] {
                askConsent(id, capability, cb);
            },
            Qt::QueuedConnection);
        return objcap::Value();
    };
    return std::make_shared<objcap::FunctionCapability>("permissions", std::move(methods));
}

void PluginHost::askConsent(const QString &id, const QString &capability, objcap::Value::CallbackRef callback)
{
    const objcap::Manifest *m = manifest(id);
    const PluginRegistry::Plugin *plugin = m_registry.find(id);
    const objcap::CapabilityRequest *request = m ? requestOf(*m, capability) : nullptr;
    if (!plugin || !request || !request->optional || !m_consent) {
        callback->post({objcap::Value(false)});
        return;
    }
    if (plugin->grants.contains(capability)) {
        callback->post({objcap::Value(true)});
        return;
    }
    m_consent({id, QString::fromStdString(m->name()), *request}, [this, id, capability, callback](Consent answer, QString scope) {
        bool granted = false;
        if (answer == Consent::AllowAlways) {
            granted = bool(grant(id, capability, scope));
        } else if (answer == Consent::AllowOnce) {
            auto made = makeCapability(id, capability, scope);
            if (made && instance(id))
                instance(id)->grant(capability.toStdString(), std::move(made).value(), /*keep=*/false);
            granted = bool(made);
        }
        callback->post({objcap::Value(granted)});
    });
}

} // namespace objcap::host
