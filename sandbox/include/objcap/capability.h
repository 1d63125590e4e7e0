#pragma once

#include "objcap/result.h"
#include "objcap/value.h"

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace objcap {

// What a plugin passed to a capability method, by copy, with helpers that turn a missing or
// mistyped argument into the TypeError a plugin author expects ("read_text() argument
// 'path' must be str, not int").
class Arguments {
public:
    Arguments(std::string method, Value::List positional, Value::Dict keywords);

    const std::string &method() const { return m_method; }
    const Value::List &positional() const { return m_positional; }
    const Value::Dict &keywords() const { return m_keywords; }

    // The argument at `index` or named `name`; `fallback` if absent (nullopt: required).
    Result<Value> get(std::size_t index, const std::string &name, std::optional<Value> fallback = std::nullopt) const;
    Result<std::string> string(std::size_t index, const std::string &name,
                               std::optional<std::string> fallback = std::nullopt) const;
    Result<Bytes> bytes(std::size_t index, const std::string &name) const;
    Result<std::int64_t> integer(std::size_t index, const std::string &name,
                                 std::optional<std::int64_t> fallback = std::nullopt) const;
    Result<bool> boolean(std::size_t index, const std::string &name, std::optional<bool> fallback = std::nullopt) const;
    // A callable the plugin passed (timers, event handlers); with allowNone, None gives null.
    Result<Value::CallbackRef> callback(std::size_t index, const std::string &name, bool allowNone = false) const;
    // Refuses arguments beyond the `count` the method takes and unknown keywords.
    Result<void> expect(std::size_t count, std::initializer_list<const char *> names) const;

private:
    std::string m_method;
    Value::List m_positional;
    Value::Dict m_keywords;
};

// A host-side object a plugin can call: the only way a plugin reaches anything. In the
// sandbox it appears as an opaque proxy whose only surface is its methods and attributes.
// Methods run on the sandbox's thread with no Python lock held, and must be thread-safe with
// respect to the host. Attenuation mints a new, narrower Capability that shares the parent's
// revocation: revoking the parent revokes everything minted from it.
class Capability : public std::enable_shared_from_this<Capability> {
public:
    explicit Capability(std::string kind);
    virtual ~Capability();
    Capability(const Capability &) = delete;
    Capability &operator=(const Capability &) = delete;

    const std::string &kind() const { return m_kind; }
    // Plugin-relative description for repr and the audit log ("notes/", "read-only"); never
    // a host path.
    virtual std::string scope() const { return {}; }
    virtual std::vector<std::string> methods() const = 0;
    virtual std::vector<std::string> attributes() const { return {}; }

    // Called by the sandbox; fails with ErrorCode::Revoked once revoked.
    Result<Value> invoke(const std::string &method, const Arguments &arguments);
    Result<Value> attribute(const std::string &name);
    // The target an audit record names for this call (e.g. the path), or empty.
    virtual std::string auditTarget(const Arguments &arguments) const;

    void revoke() { m_revoked->store(true); }
    bool revoked() const { return m_revoked->load(); }

protected:
    virtual Result<Value> call(const std::string &method, const Arguments &arguments) = 0;
    virtual Result<Value> get(const std::string &name);
    // For attenuation: make this capability revoked whenever `parent` is.
    void shareRevocation(const Capability &parent) { m_revoked = parent.m_revoked; }

private:
    std::string m_kind;
    std::shared_ptr<std::atomic<bool>> m_revoked;
};

// A capability type defined from C++ callables: how a host application gives plugins its own
// capabilities in a few lines.
//
//   auto counter = std::make_shared<objcap::FunctionCapability>("counter",
//       objcap::FunctionCapability::Methods{
//           {"increment", [&](const objcap::Arguments &) -> objcap::Result<objcap::Value> {
//                return objcap::Value(++count); }}});
//   sandbox->grant("counter", counter);   // plugin: ctx.counter.increment()
class FunctionCapability : public Capability {
public:
    using Method = std::function<Result<Value>(const Arguments &)>;
    using Methods = std::map<std::string, Method>;

    FunctionCapability(std::string kind, Methods methods, std::string scope = {});
    std::string scope() const override { return m_scope; }
    std::vector<std::string> methods() const override;

protected:
    Result<Value> call(const std::string &method, const Arguments &arguments) override;

private:
    Methods m_methods;
    std::string m_scope;
};

} // namespace objcap
