#pragma once

// Shared by the embed tests: start the one runtime of the test process, run code, collect output.
#include <objcap/runtime.h>

#include <QTest>

#include <memory>
#include <mutex>
#include <string>

namespace testing {

inline std::unique_ptr<objcap::Runtime> startRuntime()
{
    auto runtime = objcap::Runtime::start();
    if (!runtime)
        qFatal("runtime did not start: %s", runtime.error().message.c_str());
    return std::move(runtime).value();
}

inline std::unique_ptr<objcap::Sandbox> newSandbox(objcap::Runtime &runtime, objcap::OutputSink sink = {})
{
    objcap::SandboxOptions options;
    options.name = "test";
    options.output = std::move(sink);
    auto sandbox = runtime.createSandbox(std::move(options));
    if (!sandbox)
        qFatal("sandbox not created: %s", sandbox.error().message.c_str());
    return std::move(sandbox).value();
}

// Collects what a sandbox writes, from its thread.
struct Output {
    std::mutex mutex;
    std::string out;
    std::string err;
    objcap::OutputSink sink()
    {
        return [this](objcap::Stream s, std::string_view text) {
            std::lock_guard lock(mutex);
            (s == objcap::Stream::Stdout ? out : err).append(text);
        };
    }
};

// For QVERIFY2 messages, which Qt Test evaluates even when the check passes.
template <typename T>
QByteArray describe(const objcap::Result<T> &r)
{
    return r ? QByteArray("ok") : QByteArray::fromStdString(r.error().message + "\n" + r.error().traceback);
}

} // namespace testing
