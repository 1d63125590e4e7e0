#include "directorycapability.h"

#include "beneathresolver.h"
#include "filehandlecapability.h"
#include "textcodec.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace objcap::detail {

namespace {

constexpr off_t maxReadSize = off_t{512} << 20;  // read_bytes of more is refused, not attempted

Error ioError(const std::string &path, const std::string &display)
{
    return BeneathResolver::failure(errno, path, display);
}

Result<std::string> readAll(int fd, const std::string &path, const std::string &display)
{
    struct stat st {};
    if (fstat(fd, &st) < 0)
        return ioError(path, display);
    if (st.st_size > maxReadSize)
        return Error::make(ErrorCode::Io, "'" + display + path + "' is too large to read at once; use open()");
    std::string out;
    out.reserve(static_cast<std::size_t>(st.st_size));
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ioError(path, display);
        }
        if (n == 0)
            return out;
        out.append(buffer, static_cast<std::size_t>(n));
        if (static_cast<off_t>(out.size()) > maxReadSize)
            return Error::make(ErrorCode::Io, "'" + display + path + "' is too large to read at once; use open()");
    }
}

Result<void> writeAll(int fd, const std::string &bytes, const std::string &path, const std::string &display)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ioError(path, display);
        }
        done += static_cast<std::size_t>(n);
    }
    return {};
}

struct OpenMode {
    int flags;
    FileHandleCapability::Mode mode;
};

Result<OpenMode> parseMode(const std::string &mode)
{
    OpenMode m{0, {}};
    m.mode.name = mode;
    m.mode.text = mode.find('b') == std::string::npos;
    const std::string base = m.mode.text ? mode : std::string(1, mode[0]);
    if (mode.empty() || (mode.size() == 2 && mode[1] != 'b') || mode.size() > 2 || base.size() != 1)
        return Error::make(ErrorCode::InvalidValue, "invalid mode '" + mode + "' (r, rb, w, wb, a, ab, x or xb)");
    switch (base[0]) {
    case 'r': m.flags = O_RDONLY; m.mode.readable = true; break;
    case 'w': m.flags = O_WRONLY | O_CREAT; m.mode.writable = true; break;
    case 'a': m.flags = O_WRONLY | O_CREAT | O_APPEND; m.mode.writable = true; m.mode.append = true; break;
    case 'x': m.flags = O_WRONLY | O_CREAT | O_EXCL; m.mode.writable = true; break;
    default: return Error::make(ErrorCode::InvalidValue, "invalid mode '" + mode + "' (r, rb, w, wb, a, ab, x or xb)");
    }
    return m;
}

} // namespace

DirectoryCapability::DirectoryCapability(UniqueFd directory, bool readOnly, std::string display,
                                         std::shared_ptr<Quota> quota)
    : Capability("files"), m_dir(std::move(directory)), m_readOnly(readOnly), m_display(std::move(display)),
      m_quota(std::move(quota))
{
}

std::string DirectoryCapability::scope() const
{
    return "'" + (m_display.empty() ? std::string("./") : m_display) + "'" + (m_readOnly ? " (read-only)" : "");
}

std::vector<std::string> DirectoryCapability::methods() const
{
    return {"exists", "is_dir", "listdir", "mkdir", "open", "read_bytes", "read_text", "readonly", "remove",
            "rename", "rmdir", "stat", "subdir", "write_bytes", "write_text"};
}

Result<void> DirectoryCapability::writable(const std::string &path) const
{
    if (m_readOnly)
        return Error::make(ErrorCode::Refused, "'" + m_display + path + "': the directory was granted read-only");
    return {};
}

Result<UniqueFd> DirectoryCapability::openRegular(const std::string &path, int flags, unsigned mode)
{
    // Non-blocking, so that opening a FIFO cannot hang; then only regular files pass.
    auto fd = BeneathResolver::open(m_dir.get(), path, flags | O_NONBLOCK, mode, m_display);
    if (!fd)
        return fd.error();
    struct stat st {};
    if (fstat(fd->get(), &st) < 0)
        return ioError(path, m_display);
    if (S_ISDIR(st.st_mode))
        return Error::make(ErrorCode::IsADirectory, "Is a directory: '" + m_display + path + "'");
    if (!S_ISREG(st.st_mode))
        return Error::make(ErrorCode::Refused, "'" + m_display + path + "' is not a regular file");
    const int status = fcntl(fd->get(), F_GETFL);
    if (status < 0 || fcntl(fd->get(), F_SETFL, status & ~O_NONBLOCK) < 0)
        return ioError(path, m_display);
    return fd;
}

Result<std::string> DirectoryCapability::readFile(const std::string &path)
{
    auto fd = openRegular(path, O_RDONLY);
    if (!fd)
        return fd.error();
    return readAll(fd->get(), path, m_display);
}

Result<void> DirectoryCapability::writeFile(const std::string &path, const std::string &bytes)
{
    if (Result<void> ok = writable(path); !ok)
        return ok;
    const std::string what = "'" + m_display + path + "'";
    // Checked before anything changes: a full quota leaves the directory as it was, so a new
    // file is only created once its bytes are accounted for.
    for (int attempt = 0;; ++attempt) {
        auto fd = openRegular(path, O_WRONLY);
        if (fd) {
            struct stat st {};
            if (fstat(fd->get(), &st) < 0)
                return ioError(path, m_display);
            if (Result<void> ok = m_quota->change(static_cast<std::int64_t>(bytes.size()) - st.st_size, what); !ok)
                return ok;
            if (ftruncate(fd->get(), 0) < 0)
                return ioError(path, m_display);
            return writeAll(fd->get(), bytes, path, m_display);
        }
        if (fd.error().code != ErrorCode::NotFound)
            return fd.error();
        if (Result<void> ok = m_quota->change(static_cast<std::int64_t>(bytes.size()), what); !ok)
            return ok;
        auto created = openRegular(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
        if (created)
            return writeAll(created->get(), bytes, path, m_display);
        (void)m_quota->change(-static_cast<std::int64_t>(bytes.size()), what);
        // Someone created it in between: write over it as an existing file.
        if (created.error().code != ErrorCode::AlreadyExists || attempt == 3)
            return created.error();
    }
}

Result<Value> DirectoryCapability::openFile(const std::string &path, const std::string &mode)
{
    auto parsed = parseMode(mode);
    if (!parsed)
        return parsed.error();
    if (parsed->mode.writable) {
        if (Result<void> ok = writable(path); !ok)
            return ok.error();
    }
    auto fd = openRegular(path, parsed->flags, 0666);
    if (!fd)
        return fd.error();
    if (mode[0] == 'w') {
        struct stat st {};
        if (fstat(fd->get(), &st) < 0 || ftruncate(fd->get(), 0) < 0)
            return ioError(path, m_display);
        (void)m_quota->change(-static_cast<std::int64_t>(st.st_size), path);
    }
    return Value(std::static_pointer_cast<Capability>(std::make_shared<FileHandleCapability>(
        *this, std::move(fd).value(), m_display + path, parsed->mode, m_quota)));
}

Result<Value> DirectoryCapability::statPath(const std::string &path)
{
    auto fd = BeneathResolver::open(m_dir.get(), path, O_PATH, 0, m_display);
    if (!fd)
        return fd.error();
    struct stat st {};
    if (fstat(fd->get(), &st) < 0)
        return ioError(path, m_display);
    const double mtime = static_cast<double>(st.st_mtim.tv_sec) + static_cast<double>(st.st_mtim.tv_nsec) / 1e9;
    return Value(Value::Dict{{"size", Value(static_cast<std::int64_t>(st.st_size))},
                             {"mtime", Value(mtime)},
                             {"is_dir", Value(S_ISDIR(st.st_mode))}});
}

Result<Value> DirectoryCapability::listdir(const std::string &path)
{
    auto fd = BeneathResolver::open(m_dir.get(), path, O_RDONLY | O_DIRECTORY, 0, m_display);
    if (!fd)
        return fd.error();
    DIR *dir = fdopendir(fd->get());
    if (!dir)
        return ioError(path, m_display);
    fd->release();
    std::vector<std::string> names;
    while (dirent *entry = readdir(dir)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..")
            names.push_back(name);
    }
    closedir(dir);
    std::sort(names.begin(), names.end());
    Value::List list;
    for (std::string &name : names)
        list.emplace_back(std::move(name));
    return Value(std::move(list));
}

Result<Value> DirectoryCapability::exists(const std::string &path, bool directoryOnly)
{
    auto fd = BeneathResolver::open(m_dir.get(), path, O_PATH, 0, m_display);
    if (!fd)
        return fd.error().code == ErrorCode::NotFound || fd.error().code == ErrorCode::NotADirectory
                   ? Result<Value>(Value(false))
                   : Result<Value>(fd.error());
    if (!directoryOnly)
        return Value(true);
    struct stat st {};
    return Value(fstat(fd->get(), &st) == 0 && S_ISDIR(st.st_mode));
}

Result<Value> DirectoryCapability::mkdir(const std::string &path, bool parents)
{
    if (Result<void> ok = writable(path); !ok)
        return ok.error();
    if (Result<void> ok = BeneathResolver::validate(path, m_display); !ok)
        return ok.error();
    std::vector<std::string> prefixes;
    if (parents) {
        for (std::size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
            prefixes.push_back(path.substr(0, slash));
    }
    prefixes.push_back(path);
    for (std::size_t i = 0; i < prefixes.size(); ++i) {
        if (prefixes[i].empty() || prefixes[i].back() == '/')
            continue;
        auto entry = BeneathResolver::entry(m_dir.get(), prefixes[i], m_display);
        if (!entry)
            return entry.error();
        if (::mkdirat(entry->parent.get(), entry->name.c_str(), 0777) < 0) {
            const bool last = i + 1 == prefixes.size();
            if (errno == EEXIST && parents) {
                struct stat st {};
                if (fstatat(entry->parent.get(), entry->name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
                    S_ISDIR(st.st_mode))
                    continue;
                if (!last)
                    return BeneathResolver::failure(ENOTDIR, prefixes[i], m_display);
            }
            return ioError(prefixes[i], m_display);
        }
    }
    return Value();
}

Result<Value> DirectoryCapability::remove(const std::string &path, bool directory)
{
    if (Result<void> ok = writable(path); !ok)
        return ok.error();
    auto entry = BeneathResolver::entry(m_dir.get(), path, m_display);
    if (!entry)
        return entry.error();
    struct stat st {};
    if (fstatat(entry->parent.get(), entry->name.c_str(), &st, AT_SYMLINK_NOFOLLOW) < 0)
        return ioError(path, m_display);
    if (!directory && S_ISDIR(st.st_mode))
        return Error::make(ErrorCode::IsADirectory, "Is a directory: '" + m_display + path + "' (use rmdir)");
    if (unlinkat(entry->parent.get(), entry->name.c_str(), directory ? AT_REMOVEDIR : 0) < 0)
        return ioError(path, m_display);
    if (S_ISREG(st.st_mode))
        (void)m_quota->change(-static_cast<std::int64_t>(st.st_size), path);
    return Value();
}

Result<Value> DirectoryCapability::rename(const std::string &from, const std::string &to)
{
    if (Result<void> ok = writable(from); !ok)
        return ok.error();
    auto source = BeneathResolver::entry(m_dir.get(), from, m_display);
    if (!source)
        return source.error();
    auto target = BeneathResolver::entry(m_dir.get(), to, m_display);
    if (!target)
        return target.error();
    struct stat replaced {};
    const bool replacing =
        fstatat(target->parent.get(), target->name.c_str(), &replaced, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(replaced.st_mode);
    if (renameat(source->parent.get(), source->name.c_str(), target->parent.get(), target->name.c_str()) < 0)
        return ioError(from, m_display);
    if (replacing)
        (void)m_quota->change(-static_cast<std::int64_t>(replaced.st_size), to);
    return Value();
}

Result<Value> DirectoryCapability::subdir(const std::string &path)
{
    auto fd = BeneathResolver::open(m_dir.get(), path, O_PATH | O_DIRECTORY, 0, m_display);
    if (!fd)
        return fd.error();
    std::string display = m_display + path;
    while (!display.empty() && display.back() == '/')
        display.pop_back();
    auto child = std::make_shared<DirectoryCapability>(std::move(fd).value(), m_readOnly, display + "/", m_quota);
    child->shareRevocation(*this);
    return Value(std::static_pointer_cast<Capability>(child));
}

Result<Value> DirectoryCapability::call(const std::string &method, const Arguments &args)
{
    if (method == "readonly") {
        if (Result<void> ok = args.expect(0, {}); !ok)
            return ok.error();
        const int copy = fcntl(m_dir.get(), F_DUPFD_CLOEXEC, 0);
        if (copy < 0)
            return ioError(".", m_display);
        auto child = std::make_shared<DirectoryCapability>(UniqueFd(copy), true, m_display, m_quota);
        child->shareRevocation(*this);
        return Value(std::static_pointer_cast<Capability>(child));
    }
    if (method == "rename") {
        auto from = args.string(0, "src");
        auto to = args.string(1, "dst");
        if (Result<void> ok = args.expect(2, {"src", "dst"}); !ok)
            return ok.error();
        if (!from)
            return from.error();
        return to ? rename(from.value(), to.value()) : Result<Value>(to.error());
    }
    const bool optionalPath = method == "listdir";
    auto path = args.string(0, "path", optionalPath ? std::optional<std::string>(".") : std::nullopt);
    if (!path)
        return path.error();
    const std::string &p = path.value();
    if (method == "read_bytes" || method == "exists" || method == "is_dir" || method == "stat" || method == "listdir" ||
        method == "subdir" || method == "remove" || method == "rmdir") {
        if (Result<void> ok = args.expect(1, {"path"}); !ok)
            return ok.error();
        if (method == "read_bytes") {
            auto bytes = readFile(p);
            return bytes ? Result<Value>(Value(Bytes{std::move(bytes).value()})) : Result<Value>(bytes.error());
        }
        if (method == "exists" || method == "is_dir")
            return exists(p, method == "is_dir");
        if (method == "stat")
            return statPath(p);
        if (method == "listdir")
            return listdir(p);
        if (method == "subdir")
            return subdir(p);
        return remove(p, method == "rmdir");
    }
    if (method == "read_text") {
        auto encoding = args.string(1, "encoding", "utf-8");
        if (Result<void> ok = args.expect(2, {"path", "encoding"}); !ok)
            return ok.error();
        if (!encoding)
            return encoding.error();
        auto bytes = readFile(p);
        if (!bytes)
            return bytes.error();
        auto text = TextCodec::decode(bytes.value(), encoding.value(), "'" + m_display + p + "'");
        return text ? Result<Value>(Value(std::move(text).value())) : Result<Value>(text.error());
    }
    if (method == "write_text" || method == "write_bytes") {
        const bool text = method == "write_text";
        auto data = text ? args.string(1, "text") : Result<std::string>(Error{});
        auto raw = text ? Result<Bytes>(Bytes{}) : args.bytes(1, "data");
        auto encoding = args.string(2, "encoding", "utf-8");
        if (Result<void> ok = args.expect(text ? 3 : 2, {"path", "text", "data", "encoding"}); !ok)
            return ok.error();
        if (text && !data)
            return data.error();
        if (!text && !raw)
            return raw.error();
        if (!encoding)
            return encoding.error();
        std::string bytes = text ? data.value() : raw->data;
        if (text) {
            auto encoded = TextCodec::encode(bytes, encoding.value(), "text for '" + m_display + p + "'");
            if (!encoded)
                return encoded.error();
            bytes = std::move(encoded).value();
        }
        auto written = writeFile(p, bytes);
        return written ? Result<Value>(Value(static_cast<std::int64_t>(bytes.size())))  // bytes written, encoded
                       : Result<Value>(written.error());
    }
    if (method == "open") {
        auto mode = args.string(1, "mode", "r");
        if (Result<void> ok = args.expect(2, {"path", "mode"}); !ok)
            return ok.error();
        return mode ? openFile(p, mode.value()) : Result<Value>(mode.error());
    }
    if (method == "mkdir") {
        auto parents = args.boolean(1, "parents", false);
        if (Result<void> ok = args.expect(2, {"path", "parents"}); !ok)
            return ok.error();
        return parents ? mkdir(p, parents.value()) : Result<Value>(parents.error());
    }
    return Error::make(ErrorCode::InvalidArgument, "the files capability has no method '" + method + "'");
}

} // namespace objcap::detail
