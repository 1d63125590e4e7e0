#include "netcapability.h"

#include "netresponse.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace objcap::host {

namespace {

objcap::Error refused(const std::string &message)
{
    return objcap::Error::make(objcap::ErrorCode::Refused, message);
}

struct Request {
    QUrl url;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    int timeoutMs = 30000;
};

objcap::Result<Request> parse(const std::string &method, const objcap::Arguments &args)
{
    Request request;
    const bool post = method == "post";
    auto url = args.string(0, "url");
    auto headers = args.get(post ? 2 : 1, "headers", objcap::Value());
    auto timeout = args.get(post ? 3 : 2, "timeout", objcap::Value(30));
    auto body = post ? args.get(1, "body", objcap::Value(objcap::Bytes{})) : objcap::Result<objcap::Value>(objcap::Value());
    if (auto ok = args.expect(post ? 4 : 3, {"url", "headers", "timeout", "body"}); !ok)
        return ok.error();
    for (const auto *r : {&headers, &timeout, &body}) {
        if (!*r)
            return r->error();
    }
    if (!url)
        return url.error();
    request.url = QUrl(QString::fromStdString(url.value()), QUrl::StrictMode);
    if (!request.url.isValid() || request.url.host().isEmpty())
        return objcap::Error::make(objcap::ErrorCode::InvalidValue, "not a valid absolute URL: '" + url.value() + "'");
    if (headers->is<objcap::Value::Dict>()) {
        for (const auto &[name, value] : headers->as<objcap::Value::Dict>()) {
            if (!value.is<std::string>())
                return objcap::Error::make(objcap::ErrorCode::InvalidArgument, method + "() header values must be str");
            request.headers.append({QByteArray::fromStdString(name), QByteArray::fromStdString(value.as<std::string>())});
        }
    } else if (!headers->isNone()) {
        return objcap::Error::make(objcap::ErrorCode::InvalidArgument, method + "() argument 'headers' must be a dict");
    }
    double seconds = timeout->is<std::int64_t>() ? static_cast<double>(timeout->as<std::int64_t>())
                     : timeout->is<double>()      ? timeout->as<double>()
                                                  : -1;
    if (seconds <= 0 || seconds > 120)
        return objcap::Error::make(objcap::ErrorCode::InvalidValue, method + "() timeout must be between 0 and 120 seconds");
    request.timeoutMs = static_cast<int>(seconds * 1000);
    if (body->is<objcap::Bytes>())
        request.body = QByteArray::fromStdString(body->as<objcap::Bytes>().data);
    else if (body->is<std::string>())
        request.body = QByteArray::fromStdString(body->as<std::string>());
    else if (!body->isNone())
        return objcap::Error::make(objcap::ErrorCode::InvalidArgument, "post() argument 'body' must be bytes or str");
    return request;
}

} // namespace

objcap::Result<std::shared_ptr<NetCapability>> NetCapability::create(const QStringList &origins)
{
    QStringList normal;
    for (const QString &origin : origins) {
        const QUrl url(origin, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http" && url.scheme() != u"https") ||
            (!url.path().isEmpty() && url.path() != u"/") || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
            return objcap::Error::make(objcap::ErrorCode::InvalidValue,
                                       "not an origin (scheme://host[:port]): '" + origin.toStdString() + "'");
        normal << originOf(url);
    }
    return std::shared_ptr<NetCapability>(new NetCapability(normal));
}

QString NetCapability::originOf(const QUrl &url)
{
    const int port = url.port(url.scheme() == u"https" ? 443 : url.scheme() == u"http" ? 80 : -1);
    return url.scheme().toLower() + QStringLiteral("://") + url.host().toLower() + u':' + QString::number(port);
}

std::string NetCapability::scope() const
{
    return m_origins.join(QStringLiteral(", ")).toStdString();
}

objcap::Result<void> NetCapability::allowed(const QUrl &url) const
{
    if (url.scheme() != u"http" && url.scheme() != u"https")
        return refused("only http and https are allowed, not '" + url.scheme().toStdString() + "'");
    if (!url.userInfo().isEmpty())
        return refused("URLs with credentials are not allowed");
    if (!m_origins.contains(originOf(url)))
        return refused("'" + originOf(url).toStdString() + "' is not among the granted origins");
    return {};
}

objcap::Result<objcap::Value> NetCapability::call(const std::string &method, const objcap::Arguments &args)
{
    auto request = parse(method, args);
    if (!request)
        return request.error();
    // The sandbox thread has no event loop of its own: this call runs one until the reply is in.
    QNetworkAccessManager manager;
    QUrl url = request->url;
    for (int redirects = 0;; ++redirects) {
        if (auto ok = allowed(url); !ok)
            return ok.error();
        QNetworkRequest r(url);
        r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        for (const auto &[name, value] : request->headers)
            r.setRawHeader(name, value);
        QNetworkReply *reply = method == "post" ? manager.post(r, request->body) : manager.get(r);
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        bool timedOut = false;
        bool tooLarge = false;
        QObject::connect(&timer, &QTimer::timeout, &loop, [&] { timedOut = true; reply->abort(); });
        QObject::connect(reply, &QNetworkReply::downloadProgress, &loop, [&](qint64 received, qint64) {
            if (received > maxResponseBytes) {
                tooLarge = true;
                reply->abort();
            }
        });
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        timer.start(request->timeoutMs);
        loop.exec();
        std::unique_ptr<QNetworkReply> owned(reply);
        if (timedOut)
            return objcap::Error::make(objcap::ErrorCode::Io, "timed out: " + url.toString().toStdString());
        if (tooLarge)
            return objcap::Error::make(objcap::ErrorCode::Io, "the response is larger than " +
                                                                  std::to_string(maxResponseBytes) + " bytes");
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QVariant location = reply->attribute(QNetworkRequest::RedirectionTargetAttribute);
        if (status >= 300 && status < 400 && location.isValid()) {
            if (redirects >= maxRedirects)
                return objcap::Error::make(objcap::ErrorCode::Io, "too many redirects");
            url = url.resolved(location.toUrl());  // checked against the grant at the loop's top
            continue;
        }
        if (status == 0)
            return objcap::Error::make(objcap::ErrorCode::Io, reply->errorString().toStdString());
        objcap::Value::Dict headers;
        for (const auto &[name, value] : reply->rawHeaderPairs())
            headers.emplace_back(name.toLower().toStdString(), value.toStdString());
        return objcap::Value(std::static_pointer_cast<objcap::Capability>(
            std::make_shared<NetResponse>(status, std::move(headers), reply->readAll(), url.toString().toStdString())));
    }
}

} // namespace objcap::host
