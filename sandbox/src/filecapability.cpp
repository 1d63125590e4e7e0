#include "filecapability.h"

#include "textcodec.h"

namespace objcap::detail {

FileCapability::FileCapability(std::shared_ptr<DirectoryCapability> parent, std::string name)
    : Capability("file"), m_parent(std::move(parent)), m_name(std::move(name))
{
}

std::string FileCapability::scope() const
{
    return "'" + m_name + "'" + (m_parent->readOnly() ? " (read-only)" : "");
}

std::vector<std::string> FileCapability::methods() const
{
    return {"open", "read_bytes", "read_text", "stat", "write_bytes", "write_text"};
}

Result<Value> FileCapability::call(const std::string &method, const Arguments &args)
{
    if (method == "read_bytes" || method == "stat") {
        if (Result<void> ok = args.expect(0, {}); !ok)
            return ok.error();
        if (method == "stat")
            return m_parent->statPath(m_name);
        auto bytes = m_parent->readFile(m_name);
        return bytes ? Result<Value>(Value(Bytes{std::move(bytes).value()})) : Result<Value>(bytes.error());
    }
    if (method == "read_text") {
        auto encoding = args.string(0, "encoding", "utf-8");
        if (Result<void> ok = args.expect(1, {"encoding"}); !ok)
            return ok.error();
        if (!encoding)
            return encoding.error();
        auto bytes = m_parent->readFile(m_name);
        if (!bytes)
            return bytes.error();
        auto text = TextCodec::decode(bytes.value(), encoding.value(), "'" + m_name + "'");
        return text ? Result<Value>(Value(std::move(text).value())) : Result<Value>(text.error());
    }
    if (method == "write_text" || method == "write_bytes") {
        const bool text = method == "write_text";
        std::string bytes;
        if (text) {
            auto data = args.string(0, "text");
            auto encoding = args.string(1, "encoding", "utf-8");
            if (Result<void> ok = args.expect(2, {"text", "encoding"}); !ok)
                return ok.error();
            if (!data)
                return data.error();
            if (!encoding)
                return encoding.error();
            auto encoded = TextCodec::encode(data.value(), encoding.value(), "text for '" + m_name + "'");
            if (!encoded)
                return encoded.error();
            bytes = std::move(encoded).value();
        } else {
            auto data = args.bytes(0, "data");
            if (Result<void> ok = args.expect(1, {"data"}); !ok)
                return ok.error();
            if (!data)
                return data.error();
            bytes = data->data;
        }
        if (Result<void> written = m_parent->writeFile(m_name, bytes); !written)
            return written.error();
        return Value(static_cast<std::int64_t>(bytes.size()));
    }
    if (method == "open") {
        auto mode = args.string(0, "mode", "r");
        if (Result<void> ok = args.expect(1, {"mode"}); !ok)
            return ok.error();
        if (!mode)
            return mode.error();
        if (mode.value().find('x') != std::string::npos)
            return Error::make(ErrorCode::InvalidValue, "mode 'x' makes no sense for a granted file");
        return m_parent->openFile(m_name, mode.value());
    }
    return Error::make(ErrorCode::InvalidArgument, "the file capability has no method '" + method + "'");
}

} // namespace objcap::detail
