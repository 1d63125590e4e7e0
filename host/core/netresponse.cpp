#include "netresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace objcap::host {

namespace {

objcap::Value fromJson(const QJsonValue &json)
{
    switch (json.type()) {
    case QJsonValue::Bool: return objcap::Value(json.toBool());
    case QJsonValue::Double: {
        const double d = json.toDouble();
        const qint64 i = json.toInteger();
        return static_cast<double>(i) == d ? objcap::Value(static_cast<std::int64_t>(i)) : objcap::Value(d);
    }
    case QJsonValue::String: return objcap::Value(json.toString().toStdString());
    case QJsonValue::Array: {
        objcap::Value::List list;
        for (const QJsonValue &item : json.toArray())
            list.push_back(fromJson(item));
        return objcap::Value(std::move(list));
    }
    case QJsonValue::Object: {
        objcap::Value::Dict dict;
        const QJsonObject object = json.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            dict.emplace_back(it.key().toStdString(), fromJson(it.value()));
        return objcap::Value(std::move(dict));
    }
    default: return objcap::Value();
    }
}

} // namespace

NetResponse::NetResponse(int status, objcap::Value::Dict headers, QByteArray body, std::string url)
    : Capability("response"), m_status(status), m_headers(std::move(headers)), m_body(std::move(body)), m_url(std::move(url))
{
}

std::string NetResponse::scope() const
{
    return std::to_string(m_status) + " " + m_url;
}

objcap::Result<objcap::Value> NetResponse::get(const std::string &name)
{
    if (name == "status")
        return objcap::Value(m_status);
    if (name == "headers")
        return objcap::Value(m_headers);
    if (name == "url")
        return objcap::Value(m_url);
    return objcap::Value(objcap::Bytes{m_body.toStdString()});
}

objcap::Result<objcap::Value> NetResponse::call(const std::string &method, const objcap::Arguments &args)
{
    if (method == "text") {
        auto encoding = args.string(0, "encoding", "utf-8");
        if (auto ok = args.expect(1, {"encoding"}); !ok)
            return ok.error();
        if (!encoding)
            return encoding.error();
        if (encoding.value() == "latin-1" || encoding.value() == "latin1")
            return objcap::Value(QString::fromLatin1(m_body).toStdString());
        if (encoding.value() != "utf-8" && encoding.value() != "utf8")
            return objcap::Error::make(objcap::ErrorCode::InvalidValue, "unsupported encoding '" + encoding.value() + "'");
        const QString text = QString::fromUtf8(m_body);
        if (text.toUtf8() != m_body)
            return objcap::Error::make(objcap::ErrorCode::InvalidValue, "the response body is not valid utf-8");
        return objcap::Value(text.toStdString());
    }
    if (auto ok = args.expect(0, {}); !ok)
        return ok.error();
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(m_body, &error);
    if (error.error != QJsonParseError::NoError)
        return objcap::Error::make(objcap::ErrorCode::InvalidValue,
                                   "the response body is not JSON: " + error.errorString().toStdString() + " at offset " +
                                       std::to_string(error.offset));
    return document.isArray() ? fromJson(document.array()) : fromJson(document.object());
}

} // namespace objcap::host
