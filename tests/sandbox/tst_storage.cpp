// ctx.storage: durability under kill -9, damaged files, quota. The store is checked through the
// public capability API, in a process that never starts CPython.
#include <objcap/capability.h>
#include <objcap/storagecapability.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using objcap::Arguments;
using objcap::Value;

class tst_Storage : public QObject {
    Q_OBJECT

private slots:
    void everyAcknowledgedWriteSurvivesKill();
    void damagedFileIsKeptAside();
    void quotaRefusesAndKeepsTheOldValue();

private:
    static objcap::Result<Value> call(objcap::Capability &storage, const char *method, Value::List args)
    {
        return storage.invoke(method, Arguments(method, std::move(args), {}));
    }
};

void tst_Storage::everyAcknowledgedWriteSurvivesKill()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("plugin.sqlite"));
    QFile script(dir.filePath(QStringLiteral("writer.py")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("i = 0\nwhile True:\n    ctx.storage.set('k%d' % i, {'n': i})\n    print(i)\n    i += 1\n");
    script.close();

    QProcess writer;
    writer.start(QStringLiteral(OBJCAP_BIN_DIR "/objcap"),
                 {QStringLiteral("exec"), QStringLiteral("--grant"), QStringLiteral("storage=") + db, script.fileName()});
    QVERIFY(writer.waitForStarted());
    QByteArray acknowledged;
    while (acknowledged.count('\n') < 3000 && writer.state() == QProcess::Running) {
        writer.waitForReadyRead(1000);
        acknowledged += writer.readAllStandardOutput();
    }
    writer.kill();  // SIGKILL: no chance to flush or close anything
    QVERIFY(writer.waitForFinished());
    acknowledged += writer.readAllStandardOutput();
    const QList<QByteArray> lines = acknowledged.split('\n');
    int last = -1;
    for (const QByteArray &line : lines) {
        bool ok = false;
        const int n = line.toInt(&ok);
        if (ok)
            last = std::max(last, n);
    }
    QVERIFY2(last >= 1000, acknowledged.right(200).constData());

    auto reopened = objcap::makeStorageCapability(db.toStdString());
    QVERIFY2(reopened, reopened ? "" : reopened.error().message.c_str());
    for (int i = 0; i <= last; ++i) {
        auto value = call(*reopened.value(), "get", {"k" + std::to_string(i)});
        QVERIFY(value);
        QCOMPARE(value.value(), Value(Value::Dict{{"n", Value(i)}}));
    }
}

void tst_Storage::damagedFileIsKeptAside()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("plugin.sqlite"));
    QFile file(db);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray garbage(8192, 'x');
    file.write(garbage);
    file.close();

    auto refused = objcap::makeStorageCapability(db.toStdString());
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.find("is damaged") != std::string::npos, refused.error().message.c_str());
    QVERIFY2(refused.error().message.find("kept aside as 'plugin.sqlite.corrupt-") != std::string::npos,
             refused.error().message.c_str());
    const QStringList aside = QDir(dir.path()).entryList({QStringLiteral("plugin.sqlite.corrupt-*")});
    QCOMPARE(aside.size(), 1);
    QFile kept(dir.filePath(aside.first()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), garbage);  // never emptied
    // The next start gets a fresh, working store.
    auto fresh = objcap::makeStorageCapability(db.toStdString());
    QVERIFY(fresh);
    QVERIFY(call(*fresh.value(), "set", {"a", 1}));
}

void tst_Storage::quotaRefusesAndKeepsTheOldValue()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto storage = objcap::makeStorageCapability(dir.filePath(QStringLiteral("q.sqlite")).toStdString(), 200);
    QVERIFY(storage);
    QVERIFY(call(*storage.value(), "set", {"key", "small"}));
    auto refused = call(*storage.value(), "set", {"key", std::string(500, 'x')});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, objcap::ErrorCode::Refused);
    QVERIFY(refused.error().message.find("storage quota exceeded") != std::string::npos);
    QCOMPARE(call(*storage.value(), "get", {"key"}).value(), Value("small"));
    QVERIFY(call(*storage.value(), "delete", {"key"}));
    QVERIFY(call(*storage.value(), "set", {"other", std::string(150, 'y')}));  // space freed
}

QTEST_GUILESS_MAIN(tst_Storage)
#include "tst_storage.moc"
