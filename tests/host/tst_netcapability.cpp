// ctx.net against a loopback HTTP server this test runs itself: granted origins only, redirects
// re-checked, size limit, and the response capability.
#include <QEventLoop>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

class tst_NetCapability : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void requests_data();
    void requests();

private:
    void serve(QTcpSocket *socket);
    QTcpServer m_server;
    QTemporaryDir m_dir;
    QString m_origin;
};

void tst_NetCapability::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.listen(QHostAddress::LocalHost));
    m_origin = QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

void tst_NetCapability::serve(QTcpSocket *socket)
{
    QByteArray request = socket->property("buffer").toByteArray() + socket->readAll();
    const qsizetype end = request.indexOf("\r\n\r\n");
    if (end < 0) {
        socket->setProperty("buffer", request);
        return;
    }
    const QByteArray head = request.left(end);
    qsizetype length = 0;
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    if (request.size() < end + 4 + length) {
        socket->setProperty("buffer", request);
        return;
    }
    const QByteArray body = request.mid(end + 4, length);
    const QByteArray path = head.split(' ').value(1);
    QByteArray status = "200 OK";
    QByteArray extra;
    QByteArray content = "{\"hello\": \"world\", \"n\": 3}";
    if (path == "/echo") {
        content = body;
    } else if (path == "/redirect-here") {
        status = "302 Found";
        extra = "Location: /echo\r\n";
        content.clear();
    } else if (path == "/redirect-away") {
        status = "302 Found";
        extra = "Location: http://127.0.0.2:9/stolen\r\n";
        content.clear();
    } else if (path == "/huge") {
        content = QByteArray(17 * 1024 * 1024, 'x');
    }
    socket->write("HTTP/1.1 " + status + "\r\nConnection: close\r\nContent-Type: application/json\r\n" + extra +
                  "Content-Length: " + QByteArray::number(content.size()) + "\r\n\r\n" + content);
    socket->disconnectFromHost();
}

void tst_NetCapability::requests_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");  // in stdout for success, on stderr's last line for failure
    QTest::newRow("get json") << "r = ctx.net.get(ORIGIN + '/data')\nprint(r.status, r.json()['n'], r.headers['content-type'])\n"
                              << 0 << "200 3 application/json";
    QTest::newRow("post body") << "print(ctx.net.post(ORIGIN + '/echo', b'ping').body)\n" << 0 << "b'ping'";
    QTest::newRow("redirect within the origin") << "print(ctx.net.post(ORIGIN + '/redirect-here', b'x').status)\n" << 0
                                                << "200";
    QTest::newRow("redirect elsewhere") << "ctx.net.get(ORIGIN + '/redirect-away')\n" << 1
                                        << "objcap.CapabilityError: 'http://127.0.0.2:9' is not among the granted origins";
    QTest::newRow("other origin") << "ctx.net.get('http://127.0.0.1:1/')\n" << 1
                                  << "objcap.CapabilityError: 'http://127.0.0.1:1' is not among the granted origins";
    QTest::newRow("other scheme") << "ctx.net.get(ORIGIN.replace('http', 'https'))\n" << 1 << "objcap.CapabilityError";
    QTest::newRow("too large") << "ctx.net.get(ORIGIN + '/huge')\n" << 1 << "OSError: the response is larger than";
    QTest::newRow("bad headers") << "ctx.net.get(ORIGIN, headers=['x'])\n" << 1
                                 << "TypeError: get() argument 'headers' must be a dict";
}

void tst_NetCapability::requests()
{
    QFETCH(QString, source);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    QFile script(m_dir.filePath(QStringLiteral("net.py")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(("ORIGIN = '" + m_origin + "'\n" + source).toUtf8());
    script.close();

    QProcess objcap;
    QEventLoop loop;
    connect(&objcap, &QProcess::finished, &loop, &QEventLoop::quit);
    objcap.start(QStringLiteral(OBJCAP_BIN_DIR "/objcap"),
                 {QStringLiteral("exec"), QStringLiteral("--grant"), QStringLiteral("net=") + m_origin, script.fileName()});
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();  // the server answers from this loop while objcap runs
    QCOMPARE(objcap.state(), QProcess::NotRunning);
    const QString out = QString::fromUtf8(objcap.readAllStandardOutput());
    const QString err = QString::fromUtf8(objcap.readAllStandardError());
    QVERIFY2(objcap.exitStatus() == QProcess::NormalExit && objcap.exitCode() == exitCode, qPrintable(out + err));
    if (exitCode == 0)
        QVERIFY2(out.contains(expected), qPrintable(out + err));
    else
        QVERIFY2(err.trimmed().split(u'\n').last().startsWith(expected), qPrintable(err));
}

QTEST_GUILESS_MAIN(tst_NetCapability)
#include "tst_netcapability.moc"
