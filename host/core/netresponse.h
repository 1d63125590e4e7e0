#pragma once

#include <objcap/capability.h>

#include <QByteArray>

namespace objcap::host {

// What ctx.net.get/post return: attributes status, headers (dict), body (bytes), url; methods
// text(encoding="utf-8") and json().
class NetResponse : public objcap::Capability {
public:
    NetResponse(int status, objcap::Value::Dict headers, QByteArray body, std::string url);

    std::string scope() const override;
    std::vector<std::string> methods() const override { return {"json", "text"}; }
    std::vector<std::string> attributes() const override { return {"body", "headers", "status", "url"}; }

protected:
    objcap::Result<objcap::Value> call(const std::string &method, const objcap::Arguments &arguments) override;
    objcap::Result<objcap::Value> get(const std::string &name) override;

private:
    int m_status;
    objcap::Value::Dict m_headers;
    QByteArray m_body;
    std::string m_url;
};

} // namespace objcap::host
