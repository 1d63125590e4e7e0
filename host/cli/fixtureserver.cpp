#include "fixtureserver.h"

#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>

namespace objcap::cli {

namespace {

QByteArray response(const QByteArray &status, const QByteArray &type, const QByteArray &body)
{
    return "HTTP/1.1 " + status + "\r\nConnection: close\r\nContent-Type: " + type +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// The answer to one request head ("GET /path?query HTTP/1.1 ...").
QByteArray answer(const QString &folder, const QByteArray &head)
{
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    if (requestLine.value(0) != "GET")
        return response("405 Method Not Allowed", "text/plain", "fixtures answer GET only\n");
    QByteArray target = requestLine.value(1);
    target = target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
    const QString path = QDir::cleanPath(QString::fromUtf8(QByteArray::fromPercentEncoding(target)));
    // Only files beneath the fixture folder: no "..", no hidden files.
    if (!path.startsWith(u'/') || path.contains(QStringLiteral("/.")))
        return response("404 Not Found", "text/plain", "no such fixture\n");
    QFile file(folder + path);
    if (!file.open(QIODevice::ReadOnly))
        return response("404 Not Found", "text/plain", "no such fixture: " + path.toUtf8() + "\n");
    const QByteArray type = path.endsWith(QLatin1String(".json")) ? "application/json" : "text/plain; charset=utf-8";
    return response("200 OK", type, file.readAll());
}

} // namespace

FixtureServer::~FixtureServer()
{
    quit();
    wait();
}

QString FixtureServer::start()
{
    QThread::start();
    const quint16 port = m_port.get_future().get();
    return port == 0 ? QString() : QStringLiteral("http://127.0.0.1:%1").arg(port);
}

void FixtureServer::run()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost)) {
        m_port.set_value(0);
        return;
    }
    QObject::connect(&server, &QTcpServer::newConnection, &server, [this, &server] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                QByteArray request = socket->property("request").toByteArray() + socket->readAll();
                if (request.size() > 64 * 1024) {
                    socket->abort();
                    return;
                }
                if (!request.contains("\r\n\r\n")) {
                    socket->setProperty("request", request);
                    return;
                }
                socket->write(answer(m_folder, request));
                socket->disconnectFromHost();
            });
        }
    });
    m_port.set_value(server.serverPort());
    exec();
}

} // namespace objcap::cli
