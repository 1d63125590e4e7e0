#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The `objcap` CLI contract, run as a real process: exit codes 0 completed, 1 plugin
// exception, 2 usage error, 3 stopped by a limit; plugin output forwarded.
class tst_Cli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void version();
    void exec_data();
    void exec();
    void validate();
    void runPlugin();
    void runStuckPlugin_data();
    void runStuckPlugin();
    void initThenTest();
    void usageErrors_data();
    void usageErrors();
    void console();
    void commandHelp_data();
    void commandHelp();

private:
    struct Outcome {
        int exitCode;
        QString out;
        QString err;
    };
    Outcome run(const QStringList &args, const QByteArray &input = {});
    QString script(const QString &name, const QByteArray &source);
    QTemporaryDir m_dir;
};

void tst_Cli::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

tst_Cli::Outcome tst_Cli::run(const QStringList &args, const QByteArray &input)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral(OBJCAP_BIN_DIR "/objcap"), args);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, QStringLiteral("timed out")};
    }
    // A crash is never an acceptable outcome, whatever the script did.
    if (process.exitStatus() != QProcess::NormalExit)
        return {-2, {}, QStringLiteral("crashed")};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString tst_Cli::script(const QString &name, const QByteArray &source)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(source) != source.size())
        qFatal("cannot write %s", qPrintable(file.fileName()));
    return name;
}

void tst_Cli::version()
{
    const Outcome o = run({QStringLiteral("--version")});
    QCOMPARE(o.exitCode, 0);
    QVERIFY2(o.out.startsWith(QStringLiteral("objcap ")), qPrintable(o.out));
    QVERIFY2(o.out.contains(QStringLiteral("CPython 3.13.5")), qPrintable(o.out));
    QVERIFY2(o.out.contains(QStringLiteral("objcap patch level ")), qPrintable(o.out));
}

void tst_Cli::exec_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stdoutHas");
    QTest::addColumn<QString>("stderrHas");

    QTest::newRow("completes") << QByteArray("print('hello from the sandbox')\n") << QStringList() << 0
                               << "hello from the sandbox\n" << "";
    QTest::newRow("stderr forwarded") << QByteArray("class Noisy:\n    def __del__(self):\n"
                                                 "        raise ValueError('to stderr')\nNoisy()\n")
                                      << QStringList() << 0 << "" << "ValueError: to stderr";
    QTest::newRow("refused import") << QByteArray("import os\nos.system('true')\n") << QStringList() << 1 << ""
                                    << "ImportError: import of 'os' is not allowed in a sandbox";
    QTest::newRow("audit log") << QByteArray("try:\n    import socket\nexcept ImportError:\n    pass\n")
                               << QStringList{QStringLiteral("--audit")} << 0 << ""
                               << "refused import: socket";
    QTest::newRow("exception") << QByteArray("x = 1\nraise ValueError('bad value')\n") << QStringList() << 1 << ""
                               << "line 2";
    QTest::newRow("exception message") << QByteArray("raise ValueError('bad value')\n") << QStringList() << 1 << ""
                                       << "ValueError: bad value";
    QTest::newRow("syntax error") << QByteArray("ok = 1\nthis is not python\n") << QStringList() << 1 << ""
                                  << "line 2";
    QTest::newRow("a million lines, streamed") << QByteArray("for i in range(10**6):\n    print(i)\n") << QStringList()
                                               << 0 << "\n999999\n" << "";
    QTest::newRow("timers run, then exec ends") << QByteArray("n = 0\ndef tick():\n    global n\n    n += 1\n"
                                                           "    print('tick', n)\n    if n == 3:\n"
                                                           "        ctx.timers.cancel(h)\n"
                                                           "h = ctx.timers.every(0.01, tick)\n"
                                                           "ctx.timers.call_later(0, lambda: print('soon'))\n")
                                                << QStringList{QStringLiteral("--grant"), QStringLiteral("timers")}
                                                << 0 << "tick 3\n" << "";
    QTest::newRow("failing timer callback") << QByteArray("def bad():\n    raise KeyError('in a timer')\n"
                                                          "ctx.timers.call_later(0, bad)\n")
                                            << QStringList{QStringLiteral("--grant=timers")} << 1 << ""
                                            << "KeyError: 'in a timer'";
    QTest::newRow("log") << QByteArray("ctx.log.warning('careful')\n") << QStringList{QStringLiteral("--grant=log")}
                         << 0 << "" << "[WARNING] careful";
    QTest::newRow("log rate limit") << QByteArray("for i in range(1000):\n    ctx.log.info('line %d' % i)\n"
                                                  "import time\nt = time.monotonic()\n"
                                                  "while time.monotonic() - t < 0.2:\n    pass\n"
                                                  "ctx.log.info('after a pause')\n")
                                    << QStringList{QStringLiteral("--grant=log")} << 0 << ""
                                    << "log lines dropped (rate limit)";
    QTest::newRow("capability not granted") << QByteArray("ctx.files.listdir()\n") << QStringList() << 1 << ""
                                            << "AttributeError: capability 'files' was not granted";
    QTest::newRow("not UTF-8") << QByteArray("x = '\xff\xfe'\n") << QStringList() << 1 << ""
                               << "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff";
    QTest::newRow("SystemExit is a plugin error") << QByteArray("raise SystemExit(5)\n") << QStringList() << 1 << ""
                                                  << "SystemExit: 5";
    QTest::newRow("KeyboardInterrupt is a plugin error") << QByteArray("raise KeyboardInterrupt\n") << QStringList()
                                                         << 1 << "" << "KeyboardInterrupt";
    QTest::newRow("time limit") << QByteArray("while True:\n    pass\n")
                                << QStringList{QStringLiteral("--time-limit"), QStringLiteral("0.2")} << 3 << ""
                                << "time limit";
    QTest::newRow("memory limit, one big block") << QByteArray("x = bytearray(300 * 1024 * 1024)\n")
                                                 << QStringList{QStringLiteral("--memory"), QStringLiteral("64")} << 3
                                                 << "" << "memory limit of 64 MiB exceeded";
    QTest::newRow("memory limit, many small objects") << QByteArray("a = []\nwhile True:\n    a.append(str(len(a)) * 10)\n")
                                                      << QStringList{QStringLiteral("--memory=64")} << 3 << ""
                                                      << "MemoryError";
    QTest::newRow("within the memory limit") << QByteArray("print(sum(len(str(i)) for i in range(10**5)))\n")
                                             << QStringList{QStringLiteral("--memory=64")} << 0 << "488890" << "";
    QTest::newRow("timeout alias") << QByteArray("while True:\n    pass\n")
                                   << QStringList{QStringLiteral("--timeout"), QStringLiteral("0.2")} << 3 << ""
                                   << "time limit";
    // any() over an endless iterator never checks for interrupts: the sandbox is abandoned
    // and the command still ends, as stopped by its limit.
    QTest::newRow("stuck in native code") << QByteArray("import itertools\nany(itertools.repeat(0))\n")
                                          << QStringList{QStringLiteral("--timeout"), QStringLiteral("1")} << 3 << ""
                                          << "objcap: script.py stopped: time limit of 1 s exceeded";
    QTest::newRow("regex time limit") << QByteArray("import re\nre.match(r'(a+)+$', 'a' * 40 + 'b')\n")
                                      << QStringList{QStringLiteral("--time-limit=0.2")} << 3 << "" << "LimitExceeded";
}

void tst_Cli::exec()
{
    QFETCH(QByteArray, source);
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QString, stdoutHas);
    QFETCH(QString, stderrHas);
    const QString file = script(QStringLiteral("script.py"), source);
    const Outcome o = run(QStringList{QStringLiteral("exec")} + options + QStringList{file});
    QVERIFY2(o.exitCode == exitCode, qPrintable(QStringLiteral("exit %1, stderr: %2").arg(o.exitCode).arg(o.err)));
    QVERIFY2(o.out.contains(stdoutHas), qPrintable(o.out));
    QVERIFY2(o.err.contains(stderrHas), qPrintable(o.err));
    if (exitCode == 1)
        QVERIFY2(o.err.contains(QStringLiteral("script.py")), qPrintable(o.err));
}

void tst_Cli::validate()
{
    const Outcome good = run({QStringLiteral("validate"), QStringLiteral(OBJCAP_SOURCE_DIR "/plugins/hello")});
    QCOMPARE(good.exitCode, 0);
    QVERIFY2(good.out.contains(QStringLiteral("org.objcap.hello 1.0.0 (Hello): valid")), qPrintable(good.out));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("bad")));
    QFile manifest(m_dir.filePath(QStringLiteral("bad/plugin.toml")));
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write("[plugin]\nid = \"org.example.bad\"\nname = \"Bad\"\nversion = \"1\"\nentry = \"main.py\"\n");
    manifest.close();
    const Outcome bad = run({QStringLiteral("validate"), m_dir.filePath(QStringLiteral("bad"))});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains(QStringLiteral("plugin.toml:4:11: 'version' must be a semantic version")), qPrintable(bad.err));
}

void tst_Cli::runPlugin()
{
    const Outcome modular = run({QStringLiteral("run"), QStringLiteral(OBJCAP_SOURCE_DIR "/tests/host/plugins/modular")});
    QVERIFY2(modular.exitCode == 0, qPrintable(modular.err));
    QCOMPARE(modular.out, QStringLiteral("activated 42 True util\ndeactivated\n"));
    const Outcome hello = run({QStringLiteral("run"), QStringLiteral(OBJCAP_SOURCE_DIR "/plugins/hello"),
                               QStringLiteral("--grant=log"), QStringLiteral("--grant=timers")});
    QVERIFY2(hello.exitCode == 0, qPrintable(hello.err));
    QVERIFY2(hello.err.contains(QStringLiteral("[INFO] hello from a sandboxed plugin\n[INFO] hello again, from a timer")),
             qPrintable(hello.err));
    // Without the grants it asks for, activate() fails on the missing capability.
    const Outcome bare = run({QStringLiteral("run"), QStringLiteral(OBJCAP_SOURCE_DIR "/plugins/hello")});
    QCOMPARE(bare.exitCode, 1);
    QVERIFY2(bare.err.contains(QStringLiteral("AttributeError: capability 'log' was not granted")), qPrintable(bare.err));
}

// `objcap run` ends with exit code 3 when activate() or a timer callback is stuck in native code.
void tst_Cli::runStuckPlugin_data()
{
    QTest::addColumn<QByteArray>("main");
    QTest::newRow("activate") << QByteArray("import itertools\ndef activate(ctx):\n    any(itertools.repeat(0))\n");
    QTest::newRow("timer callback") << QByteArray("import itertools\ndef activate(ctx):\n"
                                                  "    ctx.timers.call_later(0, lambda: any(itertools.repeat(0)))\n");
}

void tst_Cli::runStuckPlugin()
{
    QFETCH(QByteArray, main);
    const QString folder = m_dir.filePath(QStringLiteral("stuck"));
    QVERIFY(QDir().mkpath(folder));
    QFile manifest(folder + QStringLiteral("/plugin.toml"));
    QVERIFY(manifest.open(QIODevice::WriteOnly | QIODevice::Truncate));
    manifest.write("[plugin]\nid = \"org.example.stuck\"\nname = \"Stuck\"\nversion = \"1.0.0\"\nentry = \"main.py\"\n"
                   "[capabilities.timers]\nreason = \"Ticks\"\n");
    manifest.close();
    script(QStringLiteral("stuck/main.py"), main);
    const Outcome o = run({QStringLiteral("run"), folder, QStringLiteral("--grant=timers"), QStringLiteral("--timeout=1"),
                           QStringLiteral("--for=60")});
    QVERIFY2(o.exitCode == 3, qPrintable(QStringLiteral("exit %1, stderr: %2").arg(o.exitCode).arg(o.err)));
    QVERIFY2(o.err.contains(QStringLiteral("objcap: org.example.stuck stopped: time limit of 1 s exceeded")), qPrintable(o.err));
}

void tst_Cli::initThenTest()
{
    const QString folder = m_dir.filePath(QStringLiteral("fresh-plugin"));
    const Outcome init = run({QStringLiteral("init"), folder});
    QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    QVERIFY(QFile::exists(folder + QStringLiteral("/plugin.toml")));
    const Outcome again = run({QStringLiteral("init"), folder});  // never over an existing plugin
    QCOMPARE(again.exitCode, 2);
    QVERIFY(again.err.contains(QStringLiteral("is not empty; nothing was written")));
    const Outcome passing = run({QStringLiteral("test"), folder});
    QVERIFY2(passing.exitCode == 0, qPrintable(passing.out + passing.err));
    QVERIFY(passing.out.endsWith(QStringLiteral("1 passed, 0 failed\n")));
    QFile test(folder + QStringLiteral("/tests/test_more.py"));
    QVERIFY(test.open(QIODevice::WriteOnly));
    test.write("import main\n\ndef test_wrong():\n    assert main.greeting('x') == 'bye'\n\n"
               "def test_files():\n    ctx.files.write_text('a.txt', 'scratch')\n    assert ctx.files.read_text('a.txt') == 'scratch'\n");
    test.close();
    const Outcome failing = run({QStringLiteral("test"), folder});
    QCOMPARE(failing.exitCode, 1);
    QVERIFY2(failing.out.contains(QStringLiteral("FAIL test_more.py::test_wrong")), qPrintable(failing.out));
    QVERIFY2(failing.out.contains(QStringLiteral("AssertionError")), qPrintable(failing.out));
    QVERIFY2(failing.out.endsWith(QStringLiteral("2 passed, 1 failed\n")), qPrintable(failing.out));
}

void tst_Cli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("stderrHas");
    QTest::newRow("no command") << QStringList() << "no command given";
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << "unknown command";
    QTest::newRow("exec without file") << QStringList{QStringLiteral("exec")} << "no script given";
    QTest::newRow("missing file") << QStringList{QStringLiteral("exec"), QStringLiteral("missing.py")}
                                  << "missing.py: no such file";
    QTest::newRow("directory") << QStringList{QStringLiteral("exec"), QStringLiteral(".")} << "is a directory";
    QTest::newRow("unknown flag") << QStringList{QStringLiteral("exec"), QStringLiteral("--bogus"),
                                                 QStringLiteral("x.py")}
                                  << "Unknown option 'bogus'";
    QTest::newRow("unknown capability") << QStringList{QStringLiteral("exec"), QStringLiteral("--grant=root"),
                                                       QStringLiteral("x.py")}
                                        << "--grant root: unknown capability 'root'";
    QTest::newRow("grant of a missing directory")
        << QStringList{QStringLiteral("exec"), QStringLiteral("--grant=files=/nonexistent/dir"), QStringLiteral("x.py")}
        << "'/nonexistent/dir' is not a directory";
    QTest::newRow("run of a missing path") << QStringList{QStringLiteral("run"), QStringLiteral("./nothere")}
                                           << "./nothere: no such folder or package";
    QTest::newRow("bad time limit") << QStringList{QStringLiteral("exec"), QStringLiteral("--time-limit=soon"),
                                                   QStringLiteral("x.py")}
                                    << "--time-limit needs a positive number";
}

void tst_Cli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, stderrHas);
    const Outcome o = run(args);
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains(stderrHas), qPrintable(o.err));
    QVERIFY2(o.err.contains(QStringLiteral("usage:")), qPrintable(o.err));
}

// The console reads stdin as the Python REPL does (no prompts when it is not a terminal):
// multi-line statements end at a blank line, expression values are echoed, an error is reported
// and the session goes on — inside the plugin's sandbox, with its entry module and its grants.
void tst_Cli::console()
{
    const QString folder = m_dir.filePath(QStringLiteral("consoleplugin"));
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/data")));
    QFile manifest(folder + QStringLiteral("/plugin.toml"));
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write("[plugin]\nid = \"org.example.console\"\nname = \"Console\"\nversion = \"1.0.0\"\nentry = \"main.py\"\n");
    manifest.close();
    QFile entry(folder + QStringLiteral("/main.py"));
    QVERIFY(entry.open(QIODevice::WriteOnly));
    entry.write("def double(n):\n    return 2 * n\n");
    entry.close();
    const Outcome o = run({QStringLiteral("console"), folder, QStringLiteral("--grant"), QStringLiteral("files=") + folder + QStringLiteral("/data")},
                          "total = 0\n"
                          "for i in range(4):\n"
                          "    total += i\n"
                          "\n"
                          "double(total)\n"
                          "open('/etc/passwd')\n"
                          "ctx.files.write_text('made.txt', 'hi')\n"
                          "if True:\n"
                          "  1 +\n"
                          "'still here', total\n");
    QCOMPARE(o.exitCode, 0);
    QCOMPARE(o.out, QStringLiteral("12\n2\n('still here', 6)\n"));  // 2: write_text's byte count
    QVERIFY2(o.err.contains(QStringLiteral("NameError: name 'open' is not defined")), qPrintable(o.err));
    QVERIFY2(o.err.contains(QStringLiteral("SyntaxError: invalid syntax")), qPrintable(o.err));
    QVERIFY(QFile::exists(folder + QStringLiteral("/data/made.txt")));  // the grant works, and only it
}

void tst_Cli::commandHelp_data()
{
    QTest::addColumn<QString>("command");
    for (const char *command : {"exec", "console", "init", "pack", "test", "run", "validate", "install", "uninstall", "list",
                                "grant", "revoke", "enable", "disable"})
        QTest::newRow(command) << QString::fromLatin1(command);
}

// Every command answers --help with its own usage line and does nothing else.
void tst_Cli::commandHelp()
{
    QFETCH(QString, command);
    const Outcome o = run({command, QStringLiteral("--help")});
    QCOMPARE(o.exitCode, 0);
    QVERIFY2(o.out.startsWith(QStringLiteral("usage: objcap ")), qPrintable(o.out));
    QVERIFY2(o.out.contains(u' ' + command + u' '), qPrintable(o.out));
    QVERIFY2(!o.out.contains(QStringLiteral("commands:")), qPrintable(o.out));
    QVERIFY2(o.err.isEmpty(), qPrintable(o.err));
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
