#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

// `objcap bench --quick --json` completes and reports every documented key as a number. No
// thresholds: the numbers depend on the machine (the README records a full run's).
class tst_Bench : public QObject {
    Q_OBJECT

private slots:
    void help();
    void quickRunReportsEveryKey();
    void unknownArgumentIsUsageError();
};

namespace {

struct Outcome {
    int exitCode;
    QByteArray out;
    QByteArray err;
};

Outcome runObjcap(const QStringList &args, int timeoutMs)
{
    QProcess process;
    process.start(QStringLiteral(OBJCAP_BIN_DIR "/objcap"), args);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, "timed out"};
    }
    if (process.exitStatus() != QProcess::NormalExit)
        return {-2, {}, "crashed"};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace

void tst_Bench::help()
{
    const Outcome o = runObjcap({QStringLiteral("bench"), QStringLiteral("--help")}, 30000);
    QCOMPARE(o.exitCode, 0);
    QVERIFY2(o.out.startsWith("usage: objcap bench [--json] [--quick]"), o.out.constData());
}

void tst_Bench::quickRunReportsEveryKey()
{
    const Outcome o = runObjcap({QStringLiteral("bench"), QStringLiteral("--quick"), QStringLiteral("--json")}, 240000);
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(o.out, &error);
    QVERIFY2(document.isObject(), qPrintable(error.errorString() + u'\n' + QString::fromUtf8(o.out)));
    const QJsonObject report = document.object();
    const char *keys[] = {
        "sandbox_create_ms_p50", "sandbox_create_ms_p95", "sandbox_idle_kib", "call_roundtrip_us_p50",
        "call_roundtrip_us_p99", "cap_call_ns_p50", "file_read_4k_ratio", "compute_ratio", "compute_ratio_nbody",
        "compute_ratio_json", "compute_ratio_regex", "parallel_speedup", "parallel_n", "tick_hz", "tick_p99_ms",
        "interrupt_ms_python", "interrupt_ms_regex", "startup_50_ms", "storage_ops_per_s",
        // the in-run baselines
        "process_spawn_ms_p50", "process_rss_kib", "direct_call_us_p50", "python_call_ns_p50", "open_read_4k_ns",
    };
    for (const char *key : keys) {
        const QJsonValue value = report.value(QLatin1String(key));
        QVERIFY2(value.isDouble(), key);
        QVERIFY2(value.toDouble() >= 0, key);
    }
    QVERIFY(report.value(QStringLiteral("parallel_n")).toInt() >= 1);
    const QJsonObject machine = report.value(QStringLiteral("machine")).toObject();
    for (const char *key : {"cpu", "kernel", "objcap", "python"})
        QVERIFY2(!machine.value(QLatin1String(key)).toString().isEmpty(), key);
    QVERIFY(machine.value(QStringLiteral("cores")).toInt() >= 1);
    QVERIFY(report.value(QStringLiteral("bars_missed")).isArray());
}

void tst_Bench::unknownArgumentIsUsageError()
{
    const Outcome o = runObjcap({QStringLiteral("bench"), QStringLiteral("--fast")}, 30000);
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains("unknown argument '--fast'"), o.err.constData());
    QVERIFY(o.out.isEmpty());
}

QTEST_GUILESS_MAIN(tst_Bench)
#include "tst_bench.moc"
