#include <objcap/value.h>

#include <QTest>

using objcap::Bytes;
using objcap::Value;

Q_DECLARE_METATYPE(objcap::Value)

class tst_Value : public QObject {
    Q_OBJECT

private slots:
    void repr_data();
    void repr();
    void equality();
};

void tst_Value::repr_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("none") << Value() << "None";
    QTest::newRow("bool") << Value(true) << "True";
    QTest::newRow("int") << Value(std::int64_t{-42}) << "-42";
    QTest::newRow("float") << Value(0.5) << "0.5";
    QTest::newRow("str") << Value("it's") << "'it\\'s'";
    QTest::newRow("bytes") << Value(Bytes{"\x01\xff"}) << "b'\\x01\\xff'";
    QTest::newRow("list") << Value(Value::List{1, "a", Value()}) << "[1, 'a', None]";
    QTest::newRow("dict") << Value(Value::Dict{{"k", Value::List{}}}) << "{'k': []}";
}

void tst_Value::repr()
{
    QFETCH(Value, value);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(value.repr()), expected);
}

void tst_Value::equality()
{
    QCOMPARE(Value(Value::List{1, 2}), Value(Value::List{1, 2}));
    QVERIFY(Value(1) != Value(1.0));  // int and float stay distinct kinds
    QVERIFY(Value("1") != Value(Bytes{"1"}));
}

QTEST_APPLESS_MAIN(tst_Value)
#include "tst_value.moc"
