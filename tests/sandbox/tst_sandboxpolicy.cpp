#include <objcap/sandboxpolicy.h>

#include <QTest>

using objcap::SandboxPolicy;

class tst_SandboxPolicy : public QObject {
    Q_OBJECT

private slots:
    void defaultsAllowComputationOnly_data();
    void defaultsAllowComputationOnly();
    void neverListCannotBeWidened();
    void hiddenNames();
    void badPolicy_data();
    void badPolicy();
};

void tst_SandboxPolicy::defaultsAllowComputationOnly_data()
{
    QTest::addColumn<QString>("module");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("json") << "json" << true;
    QTest::newRow("collections.abc") << "collections.abc" << true;
    QTest::newRow("html.parser") << "html.parser" << true;
    QTest::newRow("os") << "os" << false;
    QTest::newRow("sys") << "sys" << false;
    QTest::newRow("json.decoder") << "json.decoder" << false;
    QTest::newRow("importlib") << "importlib" << false;
}

void tst_SandboxPolicy::defaultsAllowComputationOnly()
{
    QFETCH(QString, module);
    QFETCH(bool, allowed);
    QCOMPARE(SandboxPolicy::defaults().allowsImport(module.toStdString()), allowed);
    QCOMPARE(SandboxPolicy::defaults().allowedImports().size(), size_t{44});
}

void tst_SandboxPolicy::neverListCannotBeWidened()
{
    SandboxPolicy policy = SandboxPolicy::defaults();
    auto refused = policy.allowImport("os.path");
    QVERIFY(!refused);
    QVERIFY(refused.error().message.find("'os.path' can never be imported") != std::string::npos);
    QVERIFY(!policy.allowsImport("os.path"));  // nothing changed
    QVERIFY(policy.allowImport("this"));        // an ordinary module can be added
    QVERIFY(policy.allowsImport("this"));
    policy.disallowImport("json");
    QVERIFY(!policy.allowsImport("json"));
    QVERIFY(SandboxPolicy::defaults().allowsImport("json"));  // a copy: the defaults stay
}

void tst_SandboxPolicy::hiddenNames()
{
    QVERIFY(SandboxPolicy::defaults().hidesAttribute("time", "sleep"));
    QVERIFY(!SandboxPolicy::defaults().hidesAttribute("time", "time"));
}

void tst_SandboxPolicy::badPolicy_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("syntax") << "[imports\nallow = []" << "policy.toml:1:";
    QTest::newRow("unknown table") << "[exports]\n" << "unknown key 'exports'";
    QTest::newRow("unknown key") << "[imports]\nallowed = []\n" << "policy.toml:2:1: unknown key 'allowed'";
    QTest::newRow("wrong type") << "[imports]\nallow = \"json\"\n" << "policy.toml:2:9: 'allow' must be an array";
    QTest::newRow("empty name") << "[imports]\nallow = [\"\"]\n" << "policy.toml:2:10: 'allow' must hold non-empty";
    QTest::newRow("contradiction") << "[imports]\nallow = [\"os\"]\nnever = [\"os\"]\n"
                                   << "'os' is both allowed and never to be imported";
}

void tst_SandboxPolicy::badPolicy()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    auto parsed = SandboxPolicy::parse(text.toStdString(), "policy.toml");
    QVERIFY(!parsed);
    QVERIFY2(QString::fromStdString(parsed.error().message).contains(error), parsed.error().message.c_str());
}

QTEST_APPLESS_MAIN(tst_SandboxPolicy)
#include "tst_sandboxpolicy.moc"
