// Sizes in manifests and --grant options: the spellings accepted and everything refused.
#include <objcap/bytesize.h>

#include <QTest>

class tst_ByteSize : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
};

void tst_ByteSize::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint64>("bytes");
    QTest::newRow("plain bytes") << "4096" << true << quint64(4096);
    QTest::newRow("B") << "100 B" << true << quint64(100);
    QTest::newRow("KiB") << "512 KiB" << true << quint64(512) * 1024;
    QTest::newRow("MiB, no space") << "5MiB" << true << (quint64(5) << 20);
    QTest::newRow("GiB") << "2 GiB" << true << (quint64(2) << 30);
    QTest::newRow("empty") << "" << false << quint64(0);
    QTest::newRow("unit only") << "MiB" << false << quint64(0);
    QTest::newRow("negative") << "-5 MiB" << false << quint64(0);
    QTest::newRow("decimal") << "1.5 MiB" << false << quint64(0);
    QTest::newRow("SI unit") << "5 MB" << false << quint64(0);
    QTest::newRow("lowercase") << "5 mib" << false << quint64(0);
    QTest::newRow("trailing text") << "5 MiB please" << false << quint64(0);
    QTest::newRow("overflowing digits") << "99999999999999999999999" << false << quint64(0);
    QTest::newRow("overflowing unit") << "17179869184 GiB" << false << quint64(0);
}

void tst_ByteSize::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(quint64, bytes);
    const std::optional<std::uint64_t> parsed = objcap::parseByteSize(text.toStdString());
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, bytes);
}

QTEST_APPLESS_MAIN(tst_ByteSize)
#include "tst_bytesize.moc"
