#pragma once

#include <QString>
#include <QThread>

#include <future>

namespace objcap::cli {

// A loopback HTTP server for `objcap test`: GET /a/b.json answers with the file
// <folder>/a/b.json (the query string is ignored), anything else with 404 or 405. It runs on
// its own thread, because a plugin's ctx.net call waits on the sandbox thread while the main
// thread waits on the plugin.
class FixtureServer : public QThread {
public:
    explicit FixtureServer(QString folder) : m_folder(std::move(folder)) {}
    ~FixtureServer() override;

    // Starts listening on 127.0.0.1; the origin ("http://127.0.0.1:PORT"), empty if it could not.
    QString start();

protected:
    void run() override;

private:
    QString m_folder;
    std::promise<quint16> m_port;
};

} // namespace objcap::cli
