// resources/stubs/objcap.pyi against the capabilities themselves, both ways: every method and
// attribute a capability exposes is in the stubs, and the stubs promise nothing else. The
// desktop host's document, ui and panel capabilities are made here without a window (nothing
// reaches the GUI until a method runs). ctx.permissions is a FunctionCapability that only
// PluginHost makes, privately, for a running plugin; its methods are read from that source.
#include <documentcapability.h>
#include <netcapability.h>
#include <netresponse.h>
#include <objcap/filecapabilities.h>
#include <objcap/logcapability.h>
#include <objcap/storagecapability.h>
#include <objcap/timerscapability.h>
#include <panelcapability.h>
#include <panelspec.h>
#include <pluginuistate.h>
#include <uicapability.h>

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

class tst_Stubs : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void stubsMatchCapabilities_data();
    void stubsMatchCapabilities();

private:
    static QStringList permissionsMethods();

    std::map<QString, std::set<QString>> m_stubs;  // class -> public methods and attributes
    QTemporaryDir m_dir;
};

void tst_Stubs::initTestCase()
{
    QFile file(QStringLiteral(OBJCAP_SOURCE_DIR "/resources/stubs/objcap.pyi"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString current;
    static const QRegularExpression klass(QStringLiteral("^class (\\w+)"));
    static const QRegularExpression member(QStringLiteral("^    (?:def (\\w+)\\(|(\\w+): )"));
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        if (auto m = klass.match(line); m.hasMatch()) {
            current = m.captured(1);
            m_stubs[current];
        } else if (auto m = member.match(line); m.hasMatch() && !current.isEmpty()) {
            const QString name = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
            if (!name.startsWith(u'_'))
                m_stubs[current].insert(name);
        }
    }
    QVERIFY(m_dir.isValid());
}

// The keys of the method table PluginHost::permissionsFor builds: methods["request"] = ...
QStringList tst_Stubs::permissionsMethods()
{
    QFile file(QStringLiteral(OBJCAP_SOURCE_DIR "/host/core/pluginhost.cpp"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString source = QString::fromUtf8(file.readAll());
    const qsizetype start = source.indexOf(QStringLiteral("PluginHost::permissionsFor("));
    const qsizetype end = source.indexOf(QStringLiteral("\n}\n"), start);
    QStringList out;
    static const QRegularExpression method(QStringLiteral("methods\\[\"(\\w+)\"\\]"));
    for (auto it = method.globalMatch(source.mid(start, end - start)); start >= 0 && it.hasNext();)
        out << it.next().captured(1);
    return out;
}

void tst_Stubs::stubsMatchCapabilities_data()
{
    QTest::addColumn<QString>("stubClass");
    QTest::addColumn<QStringList>("exposed");
    auto names = [](const objcap::Capability &c) {
        QStringList out;
        for (const auto &n : c.methods())
            out << QString::fromStdString(n);
        for (const auto &n : c.attributes())
            out << QString::fromStdString(n);
        return out;
    };
    QFile(m_dir.filePath(QStringLiteral("f.txt"))).open(QIODevice::WriteOnly);
    auto files = objcap::makeDirectoryCapability({m_dir.path().toStdString(), false, std::nullopt}).value();
    auto handle = files->invoke("open", objcap::Arguments("open", {"f.txt"}, {})).value();
    QTest::newRow("Files") << "Files" << names(*files);
    QTest::newRow("FileHandle") << "FileHandle" << names(*handle.as<objcap::Value::CapabilityRef>());
    QTest::newRow("File") << "File" << names(*objcap::makeFileCapability(m_dir.filePath(QStringLiteral("f.txt")).toStdString(), true).value());
    QTest::newRow("Storage") << "Storage"
                             << names(*objcap::makeStorageCapability(m_dir.filePath(QStringLiteral("s.sqlite")).toStdString()).value());
    QTest::newRow("Log") << "Log" << names(*objcap::makeLogCapability({}));
    QTest::newRow("Timers") << "Timers" << names(*objcap::makeTimersCapability());
    QTest::newRow("Net") << "Net" << names(*objcap::host::NetCapability::create({QStringLiteral("https://example.org")}).value());
    QTest::newRow("Response") << "Response" << names(objcap::host::NetResponse(200, {}, {}, "https://example.org/"));
    auto uiState = std::make_shared<objcap::host::PluginUiState>(QStringLiteral("org.example.stubs"),
                                                                 QStringLiteral("Stubs"), nullptr);
    objcap::host::UiCapability ui(uiState);
    QTest::newRow("Ui") << "Ui" << names(ui);
    auto spec = objcap::host::PanelSpec::parse("Panel", objcap::Value(objcap::Value::List{}));
    QVERIFY(spec);
    QTest::newRow("Panel") << "Panel" << names(objcap::host::PanelCapability(uiState, 1, spec.value(), ui));
    QTest::newRow("Document") << "Document"
                              << names(objcap::host::DocumentCapability(
                                     std::make_shared<objcap::host::DocumentBridge::Shared>(nullptr)));
    QTest::newRow("Permissions") << "Permissions" << permissionsMethods();
    QTest::newRow("Context") << "Context"
                             << QStringList{QStringLiteral("files"), QStringLiteral("file"), QStringLiteral("storage"),
                                            QStringLiteral("log"), QStringLiteral("timers"), QStringLiteral("net"),
                                            QStringLiteral("document"), QStringLiteral("ui"),
                                            QStringLiteral("permissions")};
}

void tst_Stubs::stubsMatchCapabilities()
{
    QFETCH(QString, stubClass);
    QFETCH(QStringList, exposed);
    QVERIFY2(m_stubs.count(stubClass), qPrintable(stubClass + QStringLiteral(" is missing from the stubs")));
    const std::set<QString> real(exposed.begin(), exposed.end());
    for (const QString &name : real)
        QVERIFY2(m_stubs[stubClass].count(name), qPrintable(stubClass + u'.' + name + QStringLiteral(" is not in the stubs")));
    for (const QString &name : m_stubs[stubClass])
        QVERIFY2(real.count(name), qPrintable(stubClass + u'.' + name + QStringLiteral(" is in the stubs but not exposed")));
}

QTEST_GUILESS_MAIN(tst_Stubs)
#include "tst_stubs.moc"
