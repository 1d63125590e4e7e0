#include "objcap/filecapabilities.h"

#include "directorycapability.h"
#include "filecapability.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace objcap {

namespace {

// Total size of the regular files beneath fd, for the quota; bounded so a huge tree cannot
// stall the grant (what is beyond the bound is not counted).
std::uint64_t usage(int fd, int depth, std::size_t &budget)
{
    std::uint64_t total = 0;
    const int copy = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *dir = copy >= 0 ? fdopendir(copy) : nullptr;
    if (!dir) {
        if (copy >= 0)
            ::close(copy);
        return 0;
    }
    while (dirent *entry = readdir(dir)) {
        if (budget == 0)
            break;
        --budget;
        const std::string name = entry->d_name;
        if (name == "." || name == "..")
            continue;
        struct stat st {};
        if (fstatat(dirfd(dir), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        if (S_ISREG(st.st_mode)) {
            total += static_cast<std::uint64_t>(st.st_size);
        } else if (S_ISDIR(st.st_mode) && depth < 64) {
            const int child = openat(dirfd(dir), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (child >= 0) {
                total += usage(child, depth + 1, budget);
                ::close(child);
            }
        }
    }
    closedir(dir);
    return total;
}

Result<detail::UniqueFd> openDirectory(const std::string &path)
{
    detail::UniqueFd fd(::open(path.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!fd)
        return Error::make(ErrorCode::Io, "cannot grant directory '" + path + "': " + std::strerror(errno));
    return fd;
}

} // namespace

Result<std::shared_ptr<Capability>> makeDirectoryCapability(const DirectoryGrant &grant)
{
    auto fd = openDirectory(grant.path);
    if (!fd)
        return fd.error();
    std::uint64_t used = 0;
    if (grant.quotaBytes) {
        std::size_t budget = 100000;
        used = usage(fd->get(), 0, budget);
    }
    return std::shared_ptr<Capability>(std::make_shared<detail::DirectoryCapability>(
        std::move(fd).value(), grant.readOnly, "", std::make_shared<detail::Quota>(grant.quotaBytes, used)));
}

Result<std::shared_ptr<Capability>> makeFileCapability(const std::string &path, bool readOnly)
{
    const std::filesystem::path p(path);
    const std::string name = p.filename().string();
    if (name.empty() || name == "." || name == "..")
        return Error::make(ErrorCode::InvalidValue, "cannot grant file '" + path + "': not a file name");
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
        return Error::make(ErrorCode::InvalidValue, "cannot grant file '" + path + "': not a regular file");
    auto fd = openDirectory(p.has_parent_path() ? p.parent_path().string() : ".");
    if (!fd)
        return fd.error();
    auto parent = std::make_shared<detail::DirectoryCapability>(std::move(fd).value(), readOnly, "",
                                                                std::make_shared<detail::Quota>(std::nullopt, 0));
    return std::shared_ptr<Capability>(std::make_shared<detail::FileCapability>(std::move(parent), name));
}

} // namespace objcap
