#pragma once

#include "plugininstance.h"
#include "pluginregistry.h"

#include <objcap/logcapability.h>
#include <objcap/manifest.h>
#include <objcap/runtime.h>

#include <QMap>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace objcap::host {

class RegistryWatcher;

// The installed plugins of a host application, running: the registry (shared with the CLI),
// one PluginInstance per plugin with the capabilities its grants describe, the host's own
// capability types (objcap-host's document and ui), and the consent flow for the capabilities
// a plugin asks for at run time. Lives on the host's (GUI) thread and never blocks it.
//
// Grants are exactly what the registry holds: install() grants nothing, approve() grants what
// the user chose in the permission review, revoke() takes a capability back from the running
// plugin at once. Changes another process made to the registry (`objcap revoke`) are applied
// by syncWithRegistry(), which a RegistryWatcher calls as soon as the registry changes.
class PluginHost : public QObject {
    Q_OBJECT
public:
    // Makes a host-defined capability for one plugin; null if the host cannot offer it now.
    using CapabilityFactory = std::function<std::shared_ptr<objcap::Capability>(const QString &pluginId)>;

    enum class Consent { Deny, AllowOnce, AllowAlways };
    struct ConsentRequest {
        QString pluginId;
        QString pluginName;
        objcap::CapabilityRequest request;  // the manifest's words for it: reason, access, origins
    };
    // Asks the user, then calls `answer` on the host thread; a files grant needs the folder chosen
    // in `scope` ("DIR" or "DIR:ro"). Must not block.
    using ConsentPrompt = std::function<void(const ConsentRequest &, std::function<void(Consent, QString scope)> answer)>;

    // A runtime permission request counts as the user's doing only this soon after the plugin
    // received a user action (a command, a panel event).
    static constexpr std::chrono::seconds userActionWindow{10};

    struct Options {
        QString dataRoot;  // empty: the user's data location
        std::chrono::milliseconds timeLimit{5000};
        std::uint64_t memoryLimit = 256ull << 20;
    };

    static objcap::Result<std::unique_ptr<PluginHost>> open(objcap::Runtime &runtime, Options options);
    ~PluginHost() override;  // ends every plugin (bounded: see PluginInstance)

    // Define them before startEnabled(): plugins granted `name` then get one each. An empty
    // factory withdraws the definition (its owner is going away).
    void defineCapability(const QString &name, CapabilityFactory factory);
    void setConsentPrompt(ConsentPrompt prompt) { m_consent = std::move(prompt); }

    const PluginRegistry &registry() const { return m_registry; }
    QStringList pluginIds() const;
    PluginInstance *instance(const QString &id) const;
    // The installed plugin's manifest (read when it was loaded; never runs plugin code).
    const objcap::Manifest *manifest(const QString &id) const;

    void startEnabled();
    // Installs or updates from a folder or .objcap. A new plugin is installed disabled with
    // nothing granted; an update keeps the grants and data, restarts a running plugin, and
    // leaves capabilities it newly asks for ungranted (the entry's pendingApproval).
    objcap::Result<PluginRegistry::Plugin> install(const QString &path);
    // The permission review's outcome: grants exactly `grants` (capability -> scope) among what
    // the plugin asks for, revokes what is granted but not listed, then enables it if asked and
    // nothing an update newly asks for still waits for approval.
    objcap::Result<void> approve(const QString &id, const QMap<QString, QString> &grants, bool enable);
    objcap::Result<void> grant(const QString &id, const QString &capability, const QString &scope);
    objcap::Result<void> revoke(const QString &id, const QString &capability);
    objcap::Result<void> setEnabled(const QString &id, bool enabled);
    objcap::Result<void> uninstall(const QString &id, bool removeData);

    // Re-reads the registry (another process changed it): revocations reach running plugins,
    // disabled ones stop, new or removed plugins appear or go.
    void syncWithRegistry();

    // Any thread: the plugin just received a user action.
    void noteUserAction(const QString &id);

signals:
    void pluginsChanged();
    void stateChanged(const QString &id, objcap::host::PluginInstance::State state);
    void activity(const QString &id, const objcap::AuditRecord &record);
    void output(const QString &id, int stream, const QString &text);
    void logged(const QString &id, int level, const QString &message);
    // A capability a host factory made was taken back: the host may tidy up (a panel, commands).
    void capabilityEnded(const QString &id, const QString &capability);

private:
    PluginHost(objcap::Runtime &runtime, Options options, PluginRegistry registry);
    void load(const PluginRegistry::Plugin &plugin);
    void unload(const QString &id);
    objcap::Result<std::shared_ptr<objcap::Capability>> makeCapability(const QString &id, const QString &capability,
                                                                        const QString &scope);
    std::vector<PluginInstance::Grant> grantsOf(const PluginRegistry::Plugin &plugin);
    std::shared_ptr<objcap::Capability> permissionsFor(const QString &id);
    void askConsent(const QString &id, const QString &capability, objcap::Value::CallbackRef callback);
    bool recentUserAction(const QString &id);

    struct Loaded {
        std::unique_ptr<PluginInstance> instance;
        std::optional<objcap::Manifest> manifest;
    };

    objcap::Runtime &m_runtime;
    Options m_options;
    PluginRegistry m_registry;
    std::map<QString, CapabilityFactory> m_factories;
    ConsentPrompt m_consent;
    std::map<QString, Loaded> m_plugins;
    RegistryWatcher *m_watcher;  // changes other processes make
    std::mutex m_actionsMutex;
    std::map<QString, std::chrono::steady_clock::time_point> m_lastAction;
};

} // namespace objcap::host
