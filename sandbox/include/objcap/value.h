#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace objcap {

class Callback;
class Capability;

struct Bytes {
    std::string data;
    bool operator==(const Bytes &) const = default;
};

// A value that crosses the host/plugin boundary: None, bool, int, float, str, bytes, list
// and dict with str keys, plus capabilities the host minted (which a plugin holds as opaque
// proxies) and callbacks a plugin handed over (which stay in its interpreter). Objects never
// cross; values are copied. Dicts keep insertion order.
class Value {
public:
    using List = std::vector<Value>;
    using Dict = std::vector<std::pair<std::string, Value>>;
    using CapabilityRef = std::shared_ptr<Capability>;
    using CallbackRef = std::shared_ptr<Callback>;
    using Storage = std::variant<std::monostate, bool, std::int64_t, double, std::string, Bytes, List, Dict,
                                 CapabilityRef, CallbackRef>;

    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : m_v(b) {}
    Value(int i) : m_v(std::int64_t{i}) {}
    Value(std::int64_t i) : m_v(i) {}
    Value(double d) : m_v(d) {}
    Value(const char *s) : m_v(std::string(s)) {}
    Value(std::string s) : m_v(std::move(s)) {}
    Value(Bytes b) : m_v(std::move(b)) {}
    Value(List l) : m_v(std::move(l)) {}
    Value(Dict d) : m_v(std::move(d)) {}
    Value(CapabilityRef c) : m_v(std::move(c)) {}
    Value(CallbackRef c) : m_v(std::move(c)) {}

    bool isNone() const { return std::holds_alternative<std::monostate>(m_v); }
    template <typename T> bool is() const { return std::holds_alternative<T>(m_v); }
    template <typename T> const T &as() const { return std::get<T>(m_v); }
    const Storage &storage() const { return m_v; }

    // Python-like rendering (repr), for messages and tests.
    std::string repr() const;

    bool operator==(const Value &) const = default;

private:
    Storage m_v;
};

} // namespace objcap
