#include "objcap/capability.h"

namespace objcap {

namespace {

const char *kindName(const Value &v)
{
    struct Visitor {
        const char *operator()(std::monostate) const { return "None"; }
        const char *operator()(bool) const { return "bool"; }
        const char *operator()(std::int64_t) const { return "int"; }
        const char *operator()(double) const { return "float"; }
        const char *operator()(const std::string &) const { return "str"; }
        const char *operator()(const Bytes &) const { return "bytes"; }
        const char *operator()(const Value::List &) const { return "list"; }
        const char *operator()(const Value::Dict &) const { return "dict"; }
        const char *operator()(const Value::CapabilityRef &) const { return "capability"; }
        const char *operator()(const Value::CallbackRef &) const { return "callable"; }
    };
    return std::visit(Visitor{}, v.storage());
}

} // namespace

Arguments::Arguments(std::string method, Value::List positional, Value::Dict keywords)
    : m_method(std::move(method)), m_positional(std::move(positional)), m_keywords(std::move(keywords))
{
}

Result<Value> Arguments::get(std::size_t index, const std::string &name, std::optional<Value> fallback) const
{
    const Value *byName = nullptr;
    for (const auto &[key, value] : m_keywords) {
        if (key == name)
            byName = &value;
    }
    if (index < m_positional.size()) {
        if (byName)
            return Error::make(ErrorCode::InvalidArgument,
                               m_method + "() got multiple values for argument '" + name + "'");
        return m_positional[index];
    }
    if (byName)
        return *byName;
    if (fallback)
        return *fallback;
    return Error::make(ErrorCode::InvalidArgument, m_method + "() missing required argument '" + name + "'");
}

template <typename T>
static Result<T> typed(const Arguments &args, std::size_t index, const std::string &name, std::optional<T> fallback,
                       const char *expected)
{
    std::optional<Value> wrapped;
    if (fallback)
        wrapped = Value(*fallback);
    Result<Value> v = args.get(index, name, wrapped);
    if (!v)
        return v.error();
    if (!v->is<T>())
        return Error::make(ErrorCode::InvalidArgument, args.method() + "() argument '" + name + "' must be " +
                                                           expected + ", not " + kindName(v.value()));
    return v->as<T>();
}

Result<std::string> Arguments::string(std::size_t index, const std::string &name,
                                      std::optional<std::string> fallback) const
{
    return typed<std::string>(*this, index, name, std::move(fallback), "str");
}

Result<Bytes> Arguments::bytes(std::size_t index, const std::string &name) const
{
    return typed<Bytes>(*this, index, name, std::nullopt, "bytes");
}

Result<std::int64_t> Arguments::integer(std::size_t index, const std::string &name,
                                        std::optional<std::int64_t> fallback) const
{
    return typed<std::int64_t>(*this, index, name, fallback, "int");
}

Result<bool> Arguments::boolean(std::size_t index, const std::string &name, std::optional<bool> fallback) const
{
    return typed<bool>(*this, index, name, fallback, "bool");
}

Result<Value::CallbackRef> Arguments::callback(std::size_t index, const std::string &name, bool allowNone) const
{
    Result<Value> v = get(index, name);
    if (!v)
        return v.error();
    if (allowNone && v->isNone())
        return Value::CallbackRef();
    if (!v->is<Value::CallbackRef>())
        return Error::make(ErrorCode::InvalidArgument, m_method + "() argument '" + name + "' must be callable" +
                                                           (allowNone ? " or None" : "") + ", not " + kindName(v.value()));
    return v->as<Value::CallbackRef>();
}

Result<void> Arguments::expect(std::size_t count, std::initializer_list<const char *> names) const
{
    if (m_positional.size() > count)
        return Error::make(ErrorCode::InvalidArgument, m_method + "() takes at most " + std::to_string(count) +
                                                           " argument" + (count == 1 ? "" : "s") + " (" +
                                                           std::to_string(m_positional.size()) + " given)");
    for (const auto &[key, value] : m_keywords) {
        bool known = false;
        for (const char *n : names)
            known = known || key == n;
        if (!known)
            return Error::make(ErrorCode::InvalidArgument,
                               m_method + "() got an unexpected keyword argument '" + key + "'");
    }
    return {};
}

Capability::Capability(std::string kind) : m_kind(std::move(kind)), m_revoked(std::make_shared<std::atomic<bool>>(false))
{
}

Capability::~Capability() = default;

Result<Value> Capability::invoke(const std::string &method, const Arguments &arguments)
{
    if (revoked())
        return Error::make(ErrorCode::Revoked, "the '" + m_kind + "' capability has been revoked");
    return call(method, arguments);
}

Result<Value> Capability::attribute(const std::string &name)
{
    if (revoked())
        return Error::make(ErrorCode::Revoked, "the '" + m_kind + "' capability has been revoked");
    return get(name);
}

std::string Capability::auditTarget(const Arguments &arguments) const
{
    if (!arguments.positional().empty() && arguments.positional().front().is<std::string>())
        return arguments.positional().front().as<std::string>();
    return {};
}

Result<Value> Capability::get(const std::string &name)
{
    return Error::make(ErrorCode::InvalidArgument, "'" + m_kind + "' capability has no attribute '" + name + "'");
}

FunctionCapability::FunctionCapability(std::string kind, Methods methods, std::string scope)
    : Capability(std::move(kind)), m_methods(std::move(methods)), m_scope(std::move(scope))
{
}

std::vector<std::string> FunctionCapability::methods() const
{
    std::vector<std::string> names;
    for (const auto &[name, method] : m_methods)
        names.push_back(name);
    return names;
}

Result<Value> FunctionCapability::call(const std::string &method, const Arguments &arguments)
{
    auto it = m_methods.find(method);
    if (it == m_methods.end())
        return Error::make(ErrorCode::InvalidArgument, "'" + kind() + "' capability has no method '" + method + "'");
    return it->second(arguments);
}

} // namespace objcap
