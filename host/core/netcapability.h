#pragma once

#include <objcap/capability.h>

#include <QStringList>
#include <QUrl>

namespace objcap::host {

// ctx.net: get(url, headers=None, timeout=30) and post(url, body=b"", headers=None,
// timeout=30) to the granted origins only (scheme, host and port, e.g.
// "https://api.example.com"); every redirect is checked against the grant again. The result is
// a response capability: status, headers, body (bytes), text(), json(). Bodies are limited in
// size. Built with nothing but the public host-capability API, on QNetworkAccessManager.
class NetCapability : public objcap::Capability {
public:
    static constexpr qint64 maxResponseBytes = 16 * 1024 * 1024;
    static constexpr int maxRedirects = 5;

    // Origins as "scheme://host[:port]"; an invalid one is an error.
    static objcap::Result<std::shared_ptr<NetCapability>> create(const QStringList &origins);

    std::string scope() const override;
    std::vector<std::string> methods() const override { return {"get", "post"}; }

    // "https://example.com:443": the origin of url, with the scheme's default port made explicit.
    static QString originOf(const QUrl &url);

protected:
    objcap::Result<objcap::Value> call(const std::string &method, const objcap::Arguments &arguments) override;

private:
    explicit NetCapability(QStringList origins) : Capability("net"), m_origins(std::move(origins)) {}
    objcap::Result<void> allowed(const QUrl &url) const;

    QStringList m_origins;  // normalised by originOf
};

} // namespace objcap::host
