// The activity log: every capability call and refusal of every plugin, as rows; filters by
// plugin, result and text; JSON Lines export of exactly the rows shown; the bound on rows.
// Each test function runs in a process of its own.
#include "../sandbox/sandboxtesting.h"

#include <activitylog.h>
#include <activitylogview.h>
#include <objcap/logcapability.h>
#include <plugininstance.h>

#include <QBrush>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using objcap::host::ActivityLog;
using objcap::host::ActivityLogView;
using objcap::host::PluginInstance;
using State = PluginInstance::State;

namespace {

const QString first = QStringLiteral("org.example.first");
const QString second = QStringLiteral("org.example.second");

// Logs, then tries a refused import.
const QByteArray activity = "def activate(ctx):\n    ctx.log.info('started up')\n    try:\n        import socket\n"
                            "    except ImportError:\n        pass\n";

objcap::AuditRecord record(const std::string &event, const std::string &detail, bool allowed)
{
    return {std::chrono::system_clock::now(), "test", event, detail, allowed};
}

} // namespace

class tst_ActivityLog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void capabilityCallsAndRefusalsAppear();
    void filtersSelectRows();
    void exportWritesTheFilteredRows();
    void boundDropsTheOldest();

private:
    // Runs a plugin with this id and code, its audit records going to m_log.
    std::unique_ptr<PluginInstance> run(const QString &id, const QByteArray &main);
    // The first row of the log for this plugin and event (and target, if given), or -1.
    int rowOf(const QString &plugin, const QString &event, const QString &target = {}) const;
    int rowsOf(const QString &plugin) const;

    std::unique_ptr<objcap::Runtime> m_runtime;
    QTemporaryDir m_dir;
    ActivityLog m_log;
};

void tst_ActivityLog::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<PluginInstance> tst_ActivityLog::run(const QString &id, const QByteArray &main)
{
    if (!m_runtime)
        m_runtime = testing::startRuntime();
    const QString folder = m_dir.filePath(id);
    QDir().mkpath(folder);
    QFile manifest(folder + QStringLiteral("/plugin.toml"));
    if (!manifest.open(QIODevice::WriteOnly))
        qFatal("cannot write the manifest");
    manifest.write("[plugin]\nid = \"" + id.toUtf8() + "\"\nname = \"Test\"\nversion = \"1.0.0\"\nentry = \"main.py\"\n"
                   "[capabilities.log]\nreason = \"Logs\"\n");
    manifest.close();
    QFile entry(folder + QStringLiteral("/main.py"));
    if (!entry.open(QIODevice::WriteOnly))
        qFatal("cannot write main.py");
    entry.write(main);
    entry.close();
    PluginInstance::Options options;
    options.folder = folder;
    options.enabled = true;
    options.grants.push_back({"log", objcap::makeLogCapability([](objcap::LogLevel, std::string_view) {})});
    auto instance = std::make_unique<PluginInstance>(*m_runtime, std::move(options));
    connect(instance.get(), &PluginInstance::audited, &m_log,
            [this, id](const objcap::AuditRecord &r) { m_log.append(id, r); });
    instance->start();
    (void)QTest::qWaitFor([&] { return instance->state() == State::Running || instance->state() == State::Failed; }, 60000);
    if (instance->state() != State::Running)
        qFatal("the plugin did not start: %s", qPrintable(instance->error()));
    return instance;
}

int tst_ActivityLog::rowOf(const QString &plugin, const QString &event, const QString &target) const
{
    for (int row = 0; row < m_log.rowCount(); ++row)
        if (m_log.entry(row).plugin == plugin && m_log.entry(row).event == event
            && (target.isEmpty() || m_log.entry(row).target == target))
            return row;
    return -1;
}

int tst_ActivityLog::rowsOf(const QString &plugin) const
{
    int rows = 0;
    for (int row = 0; row < m_log.rowCount(); ++row)
        rows += m_log.entry(row).plugin == plugin;
    return rows;
}

void tst_ActivityLog::capabilityCallsAndRefusalsAppear()
{
    ActivityLogView view(&m_log);
    view.show();
    auto plugin = run(first, activity);
    QTRY_VERIFY(rowOf(first, QStringLiteral("log.info")) >= 0);
    QTRY_VERIFY(rowOf(first, QStringLiteral("import"), QStringLiteral("socket")) >= 0);
    const int call = rowOf(first, QStringLiteral("log.info"));
    QCOMPARE(m_log.data(m_log.index(call, ActivityLog::TargetColumn)).toString(), QString());  // log lines are not audited
    QCOMPARE(m_log.data(m_log.index(call, ActivityLog::ResultColumn)).toString(), QStringLiteral("allowed"));
    QVERIFY(m_log.entry(call).allowed);
    const int refusal = rowOf(first, QStringLiteral("import"), QStringLiteral("socket"));
    QCOMPARE(m_log.entry(refusal).target, QStringLiteral("socket"));
    QVERIFY(!m_log.entry(refusal).allowed);
    QCOMPARE(m_log.data(m_log.index(refusal, ActivityLog::ResultColumn)).toString(), QStringLiteral("refused"));
    QCOMPARE(m_log.data(m_log.index(refusal, ActivityLog::PluginColumn)).toString(), first);
    QVERIFY(m_log.data(m_log.index(refusal, ActivityLog::TimeColumn)).toString().contains(
        QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d$"))));
    QCOMPARE(m_log.refusalCount(first), int(plugin->refusalCount()));
    QCOMPARE(m_log.refusalCount(first), 1);
    QCOMPARE(m_log.refusalCount(second), 0);
    // refused rows stand out in the view; allowed ones do not
    const QAbstractItemModel *shown = view.table()->model();
    QCOMPARE(view.visibleRows(), m_log.rowCount());
    int highlighted = 0;
    for (int row = 0; row < shown->rowCount(); ++row) {
        const bool refused = !shown->index(row, 0).data(ActivityLog::AllowedRole).toBool();
        QCOMPARE(shown->index(row, 0).data(Qt::BackgroundRole).isValid(), refused);
        highlighted += refused;
    }
    QCOMPARE(highlighted, 1);
}

void tst_ActivityLog::filtersSelectRows()
{
    ActivityLogView view(&m_log);
    auto one = run(first, activity);
    auto two = run(second, "def activate(ctx):\n    ctx.log.info('second here')\n");
    QTRY_VERIFY(rowOf(first, QStringLiteral("import"), QStringLiteral("socket")) >= 0 && rowOf(second, QStringLiteral("log.info")) >= 0);
    QCOMPARE(m_log.plugins(), (QStringList{first, second}));
    const int all = view.visibleRows();
    QCOMPARE(all, m_log.rowCount());

    view.setPluginLabel(second, QStringLiteral("Second plugin"));
    view.setPluginFilter(second);
    QVERIFY(view.visibleRows() >= 1 && view.visibleRows() < all);
    for (int row = 0; row < view.visibleRows(); ++row)
        QCOMPARE(view.table()->model()->index(row, ActivityLog::PluginColumn).data().toString(), second);

    view.setPluginFilter(QString());
    view.setResultFilter(false);
    QCOMPARE(view.visibleRows(), 1);
    QCOMPARE(view.table()->model()->index(0, ActivityLog::TargetColumn).data().toString(), QStringLiteral("socket"));
    view.setResultFilter(true);
    QCOMPARE(view.visibleRows(), all - 1);

    view.setResultFilter(std::nullopt);
    view.setTextFilter(QStringLiteral("SOCKet"));  // case-insensitive, in the target
    QCOMPARE(view.visibleRows(), 1);
    QCOMPARE(view.table()->model()->index(0, ActivityLog::EventColumn).data().toString(), QStringLiteral("import"));
    view.setTextFilter(QStringLiteral("log.info"));  // in the event
    QCOMPARE(view.visibleRows(), 2);
    view.setTextFilter(QStringLiteral(".second"));  // in the plugin
    QCOMPARE(view.visibleRows(), m_log.rowCount() - rowsOf(first));
    view.setTextFilter(QString());
    QCOMPARE(view.visibleRows(), all);

    // a filter keeps applying to rows that arrive later
    view.setResultFilter(false);
    QVERIFY(two->interact(QStringLiteral("try:\n    import subprocess\nexcept ImportError:\n    pass\n\n")).get());
    QTRY_COMPARE(view.visibleRows(), 2);
    QCOMPARE(m_log.refusalCount(second), 1);
}

void tst_ActivityLog::exportWritesTheFilteredRows()
{
    ActivityLogView view(&m_log);
    auto one = run(first, activity);
    auto two = run(second, activity);
    QTRY_VERIFY(rowOf(first, QStringLiteral("import"), QStringLiteral("socket")) >= 0 && rowOf(second, QStringLiteral("import"), QStringLiteral("socket")) >= 0);
    view.setPluginFilter(first);
    const QString path = m_dir.filePath(QStringLiteral("activity.jsonl"));
    auto written = view.exportTo(path);
    QVERIFY2(written, written ? "" : written.error().message.c_str());
    QCOMPARE(written.value(), view.visibleRows());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), view.visibleRows() + 1);  // each line ends with a newline
    QVERIFY(lines.last().isEmpty());
    bool sawRefusal = false, sawCall = false;
    for (int n = 0; n < view.visibleRows(); ++n) {
        QJsonParseError error;
        const QJsonDocument line = QJsonDocument::fromJson(lines[n], &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject o = line.object();
        QCOMPARE(o.keys(), (QStringList{QStringLiteral("allowed"), QStringLiteral("event"), QStringLiteral("plugin"),
                                        QStringLiteral("target"), QStringLiteral("time")}));
        QCOMPARE(o.value(QStringLiteral("plugin")).toString(), first);
        QVERIFY2(o.value(QStringLiteral("time")).toString().contains(
                     QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"))),
                 qPrintable(o.value(QStringLiteral("time")).toString()));
        QCOMPARE(o.value(QStringLiteral("event")).toString(), view.table()->model()->index(n, ActivityLog::EventColumn).data().toString());
        if (o.value(QStringLiteral("event")).toString() == u"import" && o.value(QStringLiteral("target")).toString() == u"socket") {
            QCOMPARE(o.value(QStringLiteral("allowed")), QJsonValue(false));
            sawRefusal = true;
        }
        if (o.value(QStringLiteral("event")).toString() == u"log.info") {
            QCOMPARE(o.value(QStringLiteral("allowed")), QJsonValue(true));
            QCOMPARE(o.value(QStringLiteral("target")).toString(), QString());
            sawCall = true;
        }
    }
    QVERIFY(sawRefusal && sawCall);

    view.setResultFilter(false);  // both plugins' refusals only
    view.setPluginFilter(QString());
    written = view.exportTo(path);
    QVERIFY(written);
    QCOMPARE(written.value(), 2);
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 2);
    // an unwritable path is an error, not a crash
    QVERIFY(!view.exportTo(m_dir.filePath(QStringLiteral("no/such/folder/activity.jsonl"))));
}

// No interpreter: records made up here.
void tst_ActivityLog::boundDropsTheOldest()
{
    ActivityLog log(3);
    ActivityLogView view(&log);
    for (int n = 0; n < 5; ++n)
        log.append(first, record("import", "module" + std::to_string(n), n % 2 == 0));
    QCOMPARE(log.rowCount(), 3);
    QCOMPARE(view.visibleRows(), 3);
    QCOMPARE(log.entry(0).target, QStringLiteral("module2"));
    QCOMPARE(log.entry(2).target, QStringLiteral("module4"));
    QCOMPARE(log.refusalCount(first), 2);  // counted when they came, not only those kept
    log.clear();
    QCOMPARE(view.visibleRows(), 0);
    QCOMPARE(log.refusalCount(first), 2);
}

QTEST_MAIN(tst_ActivityLog)
#include "tst_activitylog.moc"
