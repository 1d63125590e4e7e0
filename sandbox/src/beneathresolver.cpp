#include "beneathresolver.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>

#include <cerrno>
#include <cstring>

namespace objcap::detail {

namespace {

std::string shown(const std::string &path, const std::string &display)
{
    return "'" + display + path + "'";
}

} // namespace

Error BeneathResolver::failure(int error, const std::string &path, const std::string &display)
{
    const std::string p = shown(path, display);
    switch (error) {
    case EXDEV:
    case ELOOP:
        return Error::make(ErrorCode::Refused, "path " + p + " leads outside the granted directory");
    case ENOENT:
        return Error::make(ErrorCode::NotFound, "No such file or directory: " + p);
    case EEXIST:
        return Error::make(ErrorCode::AlreadyExists, "File exists: " + p);
    case EISDIR:
        return Error::make(ErrorCode::IsADirectory, "Is a directory: " + p);
    case ENOTDIR:
        return Error::make(ErrorCode::NotADirectory, "Not a directory: " + p);
    case EACCES:
    case EPERM:
        return Error::make(ErrorCode::Refused, "Permission denied: " + p);
    case ENOSYS:
        return Error::make(ErrorCode::Refused, "this kernel lacks openat2(2) (Linux 5.6 or later is needed); "
                                               "directory capabilities refuse every path");
    case ENXIO:
        return Error::make(ErrorCode::Refused, p + " is not a regular file");
    default:
        return Error::make(ErrorCode::Io, std::string(std::strerror(error)) + ": " + p);
    }
}

Result<void> BeneathResolver::validate(const std::string &path, const std::string &display)
{
    if (path.find('\0') != std::string::npos)
        return Error::make(ErrorCode::InvalidValue, "embedded null character in path");
    if (path.empty())
        return Error::make(ErrorCode::InvalidValue, "empty path");
    if (path.front() == '/')
        return Error::make(ErrorCode::Refused, "path " + shown(path, display) + " is absolute; paths are relative "
                                                                               "to the granted directory");
    return {};
}

Result<UniqueFd> BeneathResolver::open(int dirfd, const std::string &path, int flags, unsigned mode,
                                       const std::string &display)
{
    if (Result<void> ok = validate(path, display); !ok)
        return ok.error();
    open_how how{};
    // openat2 rejects flags O_PATH does not take.
    how.flags = static_cast<unsigned long long>(flags | O_CLOEXEC | ((flags & O_PATH) ? 0 : O_NOCTTY));
    how.mode = (flags & O_CREAT) ? mode : 0;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    for (int attempt = 0;; ++attempt) {
        const long fd = syscall(SYS_openat2, dirfd, path.c_str(), &how, sizeof how);
        if (fd >= 0)
            return UniqueFd(static_cast<int>(fd));
        // EAGAIN: a concurrent rename raced the resolution; the kernel asks to retry.
        if ((errno == EAGAIN || errno == EINTR) && attempt < 64)
            continue;
        return failure(errno, path, display);
    }
}

Result<BeneathResolver::Entry> BeneathResolver::entry(int dirfd, const std::string &path, const std::string &display)
{
    if (Result<void> ok = validate(path, display); !ok)
        return ok.error();
    std::string trimmed = path;
    while (trimmed.size() > 1 && trimmed.back() == '/')
        trimmed.pop_back();
    const size_t slash = trimmed.rfind('/');
    const std::string parent = slash == std::string::npos ? "." : trimmed.substr(0, slash);
    std::string name = slash == std::string::npos ? trimmed : trimmed.substr(slash + 1);
    if (name.empty() || name == "." || name == "..")
        return Error::make(ErrorCode::Refused, "path " + shown(path, display) +
                                                   " does not name an entry inside the granted directory");
    auto dir = open(dirfd, parent.empty() ? "." : parent, O_PATH | O_DIRECTORY, 0, display);
    if (!dir)
        return dir.error();
    return Entry{std::move(dir).value(), std::move(name)};
}

} // namespace objcap::detail
