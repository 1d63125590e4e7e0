// plugin.toml: one valid manifest, and one fixture per rule, each broken in exactly one way.
#include <objcap/manifest.h>

#include <QTest>

class tst_Manifest : public QObject {
    Q_OBJECT

private slots:
    void validManifest();
    void examplePluginsValidate();
    void brokenManifest_data();
    void brokenManifest();
};

static const char *valid = R"([plugin]
id = "org.example.wordcount"
name = "Word Count"
version = "1.2.0"
entry = "main.py"
description = "Counts words"
authors = ["Ada"]
license = "MIT"
api = ">=1.0"

[capabilities.files]
reason = "Counts words in the folder you choose"
access = "read"
quota = "5 MiB"

[capabilities.net]
reason = "Fetches today's forecast"
origins = ["https://api.example.com"]
optional = true
)";

void tst_Manifest::validManifest()
{
    auto m = objcap::Manifest::parse(valid, "plugin.toml");
    QVERIFY2(m, m ? "" : m.error().message.c_str());
    QCOMPARE(QString::fromStdString(m->id()), QStringLiteral("org.example.wordcount"));
    QCOMPARE(QString::fromStdString(m->version()), QStringLiteral("1.2.0"));
    QCOMPARE(m->capabilities().size(), size_t{2});
    QCOMPARE(QString::fromStdString(m->capabilities()[0].access), QStringLiteral("read"));
    QCOMPARE(m->capabilities()[0].quotaBytes, std::optional<std::uint64_t>(5u << 20));
    QVERIFY(!m->capabilities()[1].quotaBytes);
    QVERIFY(m->capabilities()[1].optional);
    QCOMPARE(m->capabilities()[1].origins, std::vector<std::string>{"https://api.example.com"});

    // A reason's limit counts characters: 64 accented ones (128 bytes) fit, 65 do not.
    std::string accented = valid;
    std::string reason;
    for (int i = 0; i < 64; ++i)
        reason += "é";
    const std::string old = "Counts words in the folder you choose";
    accented.replace(accented.find(old), old.size(), reason);
    QVERIFY(objcap::Manifest::parse(accented, "plugin.toml"));
    accented.replace(accented.find(reason), reason.size(), reason + "é");
    const auto tooLong = objcap::Manifest::parse(accented, "plugin.toml");
    QVERIFY(!tooLong);
    QVERIFY2(tooLong.error().message.find("not 65") != std::string::npos, tooLong.error().message.c_str());
}

void tst_Manifest::examplePluginsValidate()
{
    auto hello = objcap::Manifest::load(OBJCAP_SOURCE_DIR "/plugins/hello");
    QVERIFY2(hello, hello ? "" : hello.error().message.c_str());
    QCOMPARE(QString::fromStdString(hello->id()), QStringLiteral("org.objcap.hello"));
}

void tst_Manifest::brokenManifest_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("error");
    QTest::newRow("toml syntax") << "name = \"Word Count\"" << "name = \"Word Count" << "plugin.toml:3:";
    QTest::newRow("unknown key") << "license = \"MIT\"" << "licence = \"MIT\""
                                 << "plugin.toml:8:1: unknown key 'licence' in [plugin]";
    QTest::newRow("wrong type") << "version = \"1.2.0\"" << "version = 1.2"
                                << "plugin.toml:4:11: 'version' must be a string";
    QTest::newRow("bad id") << "org.example.wordcount" << "WordCount" << "plugin.toml:2:6: 'id' must be a lowercase reverse-DNS";
    QTest::newRow("bad version") << "\"1.2.0\"" << "\"1.2\"" << "plugin.toml:4:11: 'version' must be a semantic version";
    QTest::newRow("entry outside") << "\"main.py\"" << "\"../main.py\"" << "plugin.toml:5:9: 'entry' must be a .py file inside";
    QTest::newRow("absolute entry") << "\"main.py\"" << "\"/tmp/main.py\"" << "'entry' must be a .py file inside";
    QTest::newRow("missing id") << "id = \"org.example.wordcount\"\n" << "" << "missing 'id'";
    QTest::newRow("unknown capability") << "[capabilities.files]" << "[capabilities.shell]"
                                        << "plugin.toml:11:15: unknown capability 'shell'";
    QTest::newRow("long reason") << "Counts words in the folder you choose"
                                 << "Counts words in the folder you choose and then does many other wonderful things"
                                 << "plugin.toml:12:10: 'reason' must be 1 to 64 characters";
    QTest::newRow("bad access") << "access = \"read\"" << "access = \"everything\"" << "'access' must be \"read\" or";
    QTest::newRow("bad quota") << "\"5 MiB\"" << "\"5 megs\"" << "plugin.toml:14:9: 'quota' must be a size like";
    QTest::newRow("quota as number") << "\"5 MiB\"" << "5" << "'quota' must be a size like";
    QTest::newRow("zero quota") << "\"5 MiB\"" << "\"0 KiB\"" << "'quota' must be a size like";
    QTest::newRow("bad origin") << "https://api.example.com" << "api.example.com" << "not an origin";
    QTest::newRow("api too new") << ">=1.0" << ">=2.0" << "the plugin needs host API >=2.0";
    QTest::newRow("capability key") << "optional = true" << "optinal = true" << "unknown key 'optinal' in [capabilities.net]";
}

void tst_Manifest::brokenManifest()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, error);
    QString text = QString::fromUtf8(valid);
    QVERIFY2(text.contains(from), qPrintable(from));
    text.replace(text.indexOf(from), from.size(), to);
    auto m = objcap::Manifest::parse(text.toStdString(), "plugin.toml");
    QVERIFY(!m);
    QVERIFY2(QString::fromStdString(m.error().message).contains(error), m.error().message.c_str());
}

QTEST_APPLESS_MAIN(tst_Manifest)
#include "tst_manifest.moc"
