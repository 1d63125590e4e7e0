// .objcap packages: a packed plugin unpacks; each malicious package, broken in exactly one way,
// is refused naming the entry and the rule, and leaves nothing behind.
#include <objcap/package.h>

#include <zip.h>

#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

struct Entry {
    std::string name;
    std::string data;
    mode_t mode = S_IFREG | 0644;
};
Q_DECLARE_METATYPE(std::vector<Entry>)

class tst_Package : public QObject {
    Q_OBJECT

private slots:
    void packThenExtract();
    void refused_data();
    void refused();

private:
    static QString build(const QString &path, const std::vector<Entry> &entries);
};

static const std::string manifest = "[plugin]\nid = \"org.example.p\"\nname = \"P\"\nversion = \"1.0.0\"\nentry = \"main.py\"\n";

QString tst_Package::build(const QString &path, const std::vector<Entry> &entries)
{
    int error = 0;
    zip_t *zip = zip_open(path.toUtf8().constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!zip)
        return {};
    for (const Entry &e : entries) {
        void *copy = std::malloc(e.data.size() + 1);  // libzip frees it once written
        std::memcpy(copy, e.data.data(), e.data.size());
        zip_source_t *source = zip_source_buffer(zip, copy, e.data.size(), 1);
        const zip_int64_t index = zip_file_add(zip, e.name.c_str(), source, ZIP_FL_ENC_RAW);
        if (index >= 0)
            zip_file_set_external_attributes(zip, static_cast<zip_uint64_t>(index), 0, ZIP_OPSYS_UNIX,
                                             static_cast<zip_uint32_t>(e.mode) << 16);
    }
    zip_close(zip);
    return path;
}

void tst_Package::packThenExtract()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString package = dir.filePath(QStringLiteral("hello.objcap"));
    QVERIFY(objcap::Package::pack(OBJCAP_SOURCE_DIR "/plugins/hello", package.toStdString()));
    const QString target = dir.filePath(QStringLiteral("hello"));
    auto extracted = objcap::Package::extract(package.toStdString(), target.toStdString());
    QVERIFY2(extracted, extracted ? "" : extracted.error().message.c_str());
    QVERIFY(QFile::exists(target + QStringLiteral("/plugin.toml")));
    QVERIFY(QFile::exists(target + QStringLiteral("/tests/test_hello.py")));
}

void tst_Package::refused_data()
{
    QTest::addColumn<std::vector<Entry>>("entries");
    QTest::addColumn<QString>("error");
    const Entry m{"plugin.toml", manifest};
    const Entry main{"main.py", "def activate(ctx):\n    pass\n"};
    QTest::newRow("zip slip") << std::vector<Entry>{m, main, {"../evil.py", "x"}} << "entry '../evil.py': path leaves";
    QTest::newRow("deep zip slip") << std::vector<Entry>{m, main, {"a/../../evil.py", "x"}} << "path leaves the package";
    QTest::newRow("absolute") << std::vector<Entry>{m, main, {"/tmp/evil.py", "x"}} << "entry '/tmp/evil.py': path leaves";
    QTest::newRow("backslash") << std::vector<Entry>{m, main, {"a\\..\\..\\evil.py", "x"}} << "path leaves the package";
    QTest::newRow("symlink") << std::vector<Entry>{m, main, {"link", "/etc/passwd", S_IFLNK | 0777}}
                             << "entry 'link': not a regular file or directory";
    QTest::newRow("device") << std::vector<Entry>{m, main, {"dev", "", S_IFCHR | 0644}} << "not a regular file";
    QTest::newRow("native code") << std::vector<Entry>{m, main, {"lib/_speedups.so", "\x7f" "ELF"}} << "native code";
    QTest::newRow("windows native") << std::vector<Entry>{m, main, {"x.PYD", "MZ"}} << "native code";
    QTest::newRow("zip bomb") << std::vector<Entry>{m, main, {"bomb.txt", std::string(20u << 20, '\0')}}
                              << "compression ratio too high";
    QTest::newRow("no manifest") << std::vector<Entry>{main} << "no plugin.toml at the package root";
    QTest::newRow("invalid manifest") << std::vector<Entry>{{"plugin.toml", "[plugin]\nid = \"X\"\n"}, main}
                                      << "'id' must be a lowercase reverse-DNS";
    QTest::newRow("missing entry") << std::vector<Entry>{m} << "the entry file 'main.py' is not a regular file";
    std::vector<Entry> many{m, main};
    for (int i = 0; i < 2100; ++i)
        many.push_back({"f" + std::to_string(i) + ".txt", "x"});
    QTest::newRow("too many entries") << many << "too many entries";
}

void tst_Package::refused()
{
    QFETCH(std::vector<Entry>, entries);
    QFETCH(QString, error);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString package = build(dir.filePath(QStringLiteral("p.objcap")), entries);
    QVERIFY(!package.isEmpty());
    const QString target = dir.filePath(QStringLiteral("installed"));
    auto result = objcap::Package::extract(package.toStdString(), target.toStdString());
    QVERIFY(!result);
    QVERIFY2(QString::fromStdString(result.error().message).contains(error), result.error().message.c_str());
    // Nothing written: no install folder, no staging folder, nothing outside.
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList{QStringLiteral("p.objcap")});
    QVERIFY(!QFile::exists(QDir(dir.path()).absoluteFilePath(QStringLiteral("../evil.py"))));
}

QTEST_APPLESS_MAIN(tst_Package)
#include "tst_package.moc"
