// A game that embeds objcap: two plugins tick every frame, each with its own view of the world.
// sandbox/README.md walks through it; tests/docs/tst_hostguide.cpp runs it and checks its output.
#include <objcap/capability.h>
#include <objcap/runtime.h>

#include <cstdio>
#include <mutex>
#include <string>

using objcap::Arguments, objcap::Result, objcap::Value;

// The game's state. Capability methods run on the plugins' threads, hence the lock.
struct World {
    std::mutex mutex;
    Value::List entities;  // {"name": str, "x": int, "y": int}
};

// The `world` capability one plugin gets: `spawn` only if it may change the world.
std::shared_ptr<objcap::Capability> worldFor(World &world, bool canSpawn)
{
    objcap::FunctionCapability::Methods methods{
        {"entities", [&world](const Arguments &args) -> Result<Value> {
             if (auto ok = args.expect(0, {}); !ok) return ok.error();
             std::lock_guard lock(world.mutex);
             return Value(world.entities);  // a copy: the plugin never holds game objects
         }}};
    if (canSpawn)
        methods["spawn"] = [&world](const Arguments &args) -> Result<Value> {
            auto name = args.string(0, "name");
            auto x = args.integer(1, "x");
            auto y = args.integer(2, "y");
            if (auto ok = args.expect(3, {"name", "x", "y"}); !ok) return ok.error();
            if (!name) return name.error();  // the plugin gets a TypeError
            if (!x) return x.error();
            if (!y) return y.error();
            std::lock_guard lock(world.mutex);
            world.entities.push_back(Value::Dict{{"name", name.value()}, {"x", x.value()}, {"y", y.value()}});
            return Value();
        };
    return std::make_shared<objcap::FunctionCapability>("world", std::move(methods), canSpawn ? "" : "read-only");
}

const char *const spawnerSource = R"(
def on_tick(dt):
    n = len(ctx.world.entities())
    ctx.world.spawn(f"slime{n}", n, 0)
)";

const char *const radarSource = R"(
ticks = 0
def on_tick(dt):
    global ticks
    ticks += 1
    if ticks == 1:
        print(ctx.world, "can spawn:", hasattr(ctx.world, "spawn"))
    print("radar sees", [e["name"] for e in ctx.world.entities()])
    if ticks == 2:
        while True:  # a bug: the frame budget stops it, the game goes on
            pass
)";

int main()
{
    auto runtime = objcap::Runtime::start();  // once per process
    if (!runtime) return std::fprintf(stderr, "%s\n", runtime.error().message.c_str()), 1;
    World world;
    struct Plugin { std::string name; const char *source; bool canSpawn; std::unique_ptr<objcap::Sandbox> sandbox; };
    Plugin plugins[] = {{"spawner", spawnerSource, true, {}}, {"radar", radarSource, false, {}}};
    for (Plugin &plugin : plugins) {
        objcap::SandboxOptions options;
        options.name = plugin.name;
        options.output = [](objcap::Stream, std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); };
        options.memoryLimit = 64 << 20;  // bytes
        auto sandbox = runtime.value()->createSandbox(std::move(options));
        if (!sandbox) return std::fprintf(stderr, "%s\n", sandbox.error().message.c_str()), 1;
        plugin.sandbox = std::move(sandbox).value();
        plugin.sandbox->grant("world", worldFor(world, plugin.canSpawn));  // one capability per plugin
        if (auto loaded = plugin.sandbox->exec(plugin.source, plugin.name + ".py").get(); !loaded)
            return std::fprintf(stderr, "%s\n", loaded.error().message.c_str()), 1;
    }

    objcap::RunOptions frame;
    frame.timeLimit = std::chrono::milliseconds(250);  // generous, so that a loaded machine never hits it
    for (int tick = 1; tick <= 4; ++tick) {
        std::printf("tick %d\n", tick);
        if (tick == 3) plugins[0].sandbox->revoke("world");  // the spawner loses the world
        for (Plugin &plugin : plugins) {
            auto done = plugin.sandbox->call("on_tick", {Value(1.0 / 60)}, frame).get();
            if (!done) std::printf("%s failed: %s\n", plugin.name.c_str(), done.error().message.c_str());
        }
    }

    for (Plugin &plugin : plugins) {
        std::printf("%s: %llu refusals\n", plugin.name.c_str(), static_cast<unsigned long long>(plugin.sandbox->refusalCount()));
        for (const objcap::AuditRecord &record : plugin.sandbox->auditLog())  // capability calls, refusals, imports
            std::printf("  %s %s(%s)\n", record.allowed ? "allowed" : "REFUSED", record.event.c_str(), record.detail.c_str());
    }
    return 0;
}
