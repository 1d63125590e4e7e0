#include "filehandlecapability.h"

#include "textcodec.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace objcap::detail {

namespace {

constexpr std::size_t chunk = 64 * 1024;

Error ioError(const std::string &what)
{
    return Error::make(ErrorCode::Io, std::string(std::strerror(errno)) + ": " + what);
}

} // namespace

FileHandleCapability::FileHandleCapability(const Capability &parent, UniqueFd fd, std::string display, Mode mode,
                                           std::shared_ptr<Quota> quota)
    : Capability("file"), m_fd(std::move(fd)), m_display(std::move(display)), m_mode(std::move(mode)),
      m_quota(std::move(quota))
{
    shareRevocation(parent);
}

std::string FileHandleCapability::scope() const
{
    return "'" + m_display + "' (" + m_mode.name + ")";
}

std::vector<std::string> FileHandleCapability::methods() const
{
    return {"close", "read", "readline", "seek", "tell", "write"};
}

std::vector<std::string> FileHandleCapability::attributes() const
{
    return {"closed", "mode", "name"};
}

Result<Value> FileHandleCapability::get(const std::string &name)
{
    std::lock_guard lock(m_mutex);
    if (name == "closed")
        return Value(!m_fd);
    if (name == "mode")
        return Value(m_mode.name);
    return Value(m_display);
}

Result<void> FileHandleCapability::open() const
{
    if (!m_fd)
        return Error::make(ErrorCode::InvalidValue, "I/O operation on closed file '" + m_display + "'");
    return {};
}

Result<Value> FileHandleCapability::call(const std::string &method, const Arguments &args)
{
    std::lock_guard lock(m_mutex);
    if (method == "close") {
        if (Result<void> ok = args.expect(0, {}); !ok)
            return ok.error();
        m_fd.reset();
        m_buffer.clear();
        return Value();
    }
    if (Result<void> ok = open(); !ok)
        return ok.error();
    if (method == "read") {
        auto size = args.integer(0, "size", -1);
        if (Result<void> ok = args.expect(1, {"size"}); !ok)
            return ok.error();
        return size ? read(size.value()) : Result<Value>(size.error());
    }
    if (method == "readline") {
        if (Result<void> ok = args.expect(0, {}); !ok)
            return ok.error();
        return readline();
    }
    if (method == "write") {
        auto data = args.get(0, "data");
        if (Result<void> ok = args.expect(1, {"data"}); !ok)
            return ok.error();
        return data ? write(data.value()) : Result<Value>(data.error());
    }
    if (method == "seek") {
        auto offset = args.integer(0, "offset");
        auto whence = args.integer(1, "whence", SEEK_SET);
        if (Result<void> ok = args.expect(2, {"offset", "whence"}); !ok)
            return ok.error();
        if (!offset)
            return offset.error();
        if (!whence)
            return whence.error();
        return seek(offset.value(), whence.value());
    }
    if (method == "tell") {
        if (Result<void> ok = args.expect(0, {}); !ok)
            return ok.error();
        const off_t position = lseek(m_fd.get(), 0, SEEK_CUR);
        if (position < 0)
            return ioError("'" + m_display + "'");
        return Value(static_cast<std::int64_t>(position) - static_cast<std::int64_t>(m_buffer.size()));
    }
    return Error::make(ErrorCode::InvalidArgument, "file handle has no method '" + method + "'");
}

Result<void> FileHandleCapability::fill(std::size_t atLeast)
{
    while (!m_eof && m_buffer.size() < atLeast) {
        char data[chunk];
        const ssize_t n = ::read(m_fd.get(), data, sizeof data);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ioError("'" + m_display + "'");
        }
        if (n == 0)
            m_eof = true;
        m_buffer.append(data, static_cast<std::size_t>(n));
    }
    return {};
}

Result<Value> FileHandleCapability::result(std::string bytes) const
{
    if (!m_mode.text)
        return Value(Bytes{std::move(bytes)});
    auto text = TextCodec::decode(bytes, "utf-8", "'" + m_display + "'");
    if (!text)
        return text.error();
    return Value(std::move(text).value());
}

Result<Value> FileHandleCapability::read(std::int64_t size)
{
    if (!m_mode.readable)
        return Error::make(ErrorCode::Refused, "'" + m_display + "' was not opened for reading");
    if (size < 0) {
        if (Result<void> ok = fill(SIZE_MAX); !ok)
            return ok.error();
        return result(std::exchange(m_buffer, {}));
    }
    std::size_t wanted = static_cast<std::size_t>(size);
    if (Result<void> ok = fill(wanted); !ok)
        return ok.error();
    if (m_mode.text) {
        // size counts characters: take whole UTF-8 sequences only.
        std::size_t taken = 0;
        std::size_t characters = 0;
        while (characters < wanted) {
            if (Result<void> ok = fill(taken + 4); !ok)
                return ok.error();
            if (taken >= m_buffer.size())
                break;
            const auto c = static_cast<unsigned char>(m_buffer[taken]);
            taken += c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : 4;
            ++characters;
        }
        wanted = std::min(taken, m_buffer.size());
    }
    wanted = std::min(wanted, m_buffer.size());
    std::string out = m_buffer.substr(0, wanted);
    m_buffer.erase(0, wanted);
    return result(std::move(out));
}

Result<Value> FileHandleCapability::readline()
{
    if (!m_mode.readable)
        return Error::make(ErrorCode::Refused, "'" + m_display + "' was not opened for reading");
    std::size_t newline;
    while ((newline = m_buffer.find('\n')) == std::string::npos && !m_eof) {
        if (Result<void> ok = fill(m_buffer.size() + chunk); !ok)
            return ok.error();
    }
    const std::size_t length = newline == std::string::npos ? m_buffer.size() : newline + 1;
    std::string line = m_buffer.substr(0, length);
    m_buffer.erase(0, length);
    return result(std::move(line));
}

Result<Value> FileHandleCapability::write(const Value &data)
{
    if (!m_mode.writable)
        return Error::make(ErrorCode::Refused, "'" + m_display + "' was not opened for writing");
    std::string bytes;
    if (m_mode.text && data.is<std::string>())
        bytes = data.as<std::string>();
    else if (!m_mode.text && data.is<Bytes>())
        bytes = data.as<Bytes>().data;
    else
        return Error::make(ErrorCode::InvalidArgument, std::string("write() argument must be ") +
                                                           (m_mode.text ? "str" : "bytes") + " for '" + m_display +
                                                           "' opened in mode '" + m_mode.name + "'");
    // Reads ahead are dropped: the write goes where the plugin's position is.
    if (!m_buffer.empty()) {
        if (lseek(m_fd.get(), -static_cast<off_t>(m_buffer.size()), SEEK_CUR) < 0)
            return ioError("'" + m_display + "'");
        m_buffer.clear();
        m_eof = false;
    }
    struct stat st {};
    if (fstat(m_fd.get(), &st) < 0)
        return ioError("'" + m_display + "'");
    const off_t position = m_mode.append ? st.st_size : lseek(m_fd.get(), 0, SEEK_CUR);
    const std::int64_t end = static_cast<std::int64_t>(position) + static_cast<std::int64_t>(bytes.size());
    if (end > st.st_size) {
        if (Result<void> ok = m_quota->change(end - st.st_size, "'" + m_display + "'"); !ok)
            return ok.error();
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(m_fd.get(), bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ioError("'" + m_display + "'");
        }
        done += static_cast<std::size_t>(n);
    }
    // Like Python's files: text writes count characters, binary writes bytes.
    std::int64_t written = static_cast<std::int64_t>(bytes.size());
    if (m_mode.text) {
        written = 0;
        for (unsigned char c : bytes)
            written += (c & 0xc0) != 0x80;
    }
    return Value(written);
}

Result<Value> FileHandleCapability::seek(std::int64_t offset, std::int64_t whence)
{
    if (whence < SEEK_SET || whence > SEEK_END)
        return Error::make(ErrorCode::InvalidValue, "invalid whence (" + std::to_string(whence) + ", should be 0, 1 or 2)");
    if (whence == SEEK_CUR)
        offset -= static_cast<std::int64_t>(m_buffer.size());
    m_buffer.clear();
    m_eof = false;
    const off_t position = lseek(m_fd.get(), static_cast<off_t>(offset), static_cast<int>(whence));
    if (position < 0)
        return errno == EINVAL ? Error::make(ErrorCode::InvalidValue, "negative seek position " + std::to_string(offset))
                               : ioError("'" + m_display + "'");
    return Value(static_cast<std::int64_t>(position));
}

} // namespace objcap::detail
