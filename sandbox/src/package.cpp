#include "objcap/package.h"

#include "objcap/manifest.h"

#include <zip.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <vector>

namespace objcap {

namespace {

namespace fs = std::filesystem;

struct ZipCloser {
    void operator()(zip_t *z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

Error refused(const std::string &package, const std::string &entry, const std::string &why)
{
    return Error::make(ErrorCode::InvalidValue,
                       package + (entry.empty() ? "" : ": entry '" + entry + "'") + ": " + why);
}

bool nativeCode(const std::string &name)
{
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char *ext : {".so", ".pyd", ".dll", ".dylib", ".exe", ".o", ".a"}) {
        const std::string e(ext);
        if (lower.size() >= e.size() && lower.compare(lower.size() - e.size(), e.size(), e) == 0)
            return true;
    }
    return lower.find(".so.") != std::string::npos;
}

// A name a zip entry may have: relative, '/'-separated, no '.', '..' or empty components.
bool safeName(const std::string &name)
{
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string::npos ||
        name.find('\0') != std::string::npos || name.find(':') != std::string::npos)
        return false;
    std::string trimmed = name;
    if (trimmed.back() == '/')
        trimmed.pop_back();
    size_t start = 0;
    while (start <= trimmed.size()) {
        const size_t slash = trimmed.find('/', start);
        const std::string part = trimmed.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (part.empty() || part == "." || part == "..")
            return false;
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    return true;
}

} // namespace

Result<void> Package::extract(const std::string &package, const std::string &destination, Limits limits)
{
    int error = 0;
    Zip zip(zip_open(package.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error));
    if (!zip) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, error);
        std::string why = zip_error_strerror(&ze);
        zip_error_fini(&ze);
        return refused(package, "", "not a readable zip package: " + why);
    }
    const zip_int64_t count = zip_get_num_entries(zip.get(), 0);
    if (count < 0 || static_cast<std::uint64_t>(count) > limits.maxEntries)
        return refused(package, "", "too many entries (at most " + std::to_string(limits.maxEntries) + ")");

    // Everything is checked before anything is written.
    std::set<std::string> names;
    std::uint64_t total = 0;
    bool hasManifest = false;
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        if (zip_stat_index(zip.get(), static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW, &st) != 0 || !(st.valid & ZIP_STAT_NAME))
            return refused(package, "#" + std::to_string(i), "unreadable entry");
        const std::string name = st.name;
        if (!safeName(name))
            return refused(package, name, "path leaves the package (absolute, '..', backslash or empty component)");
        std::string key = name;
        if (key.back() == '/')
            key.pop_back();
        if (!names.insert(key).second)
            return refused(package, name, "duplicate name");
        zip_uint8_t system = 0;
        zip_uint32_t attributes = 0;
        if (zip_file_get_external_attributes(zip.get(), static_cast<zip_uint64_t>(i), 0, &system, &attributes) == 0 &&
            system == ZIP_OPSYS_UNIX) {
            const mode_t mode = attributes >> 16;
            const bool directory = name.back() == '/';
            if (mode != 0 && !(directory ? S_ISDIR(mode) : S_ISREG(mode)))
                return refused(package, name, "not a regular file or directory (a symlink or device)");
        }
        if (name.back() == '/')
            continue;
        if (nativeCode(name))
            return refused(package, name, "native code is not allowed in a plugin package");
        if (st.size > limits.maxEntryBytes)
            return refused(package, name, "too large (" + std::to_string(st.size) + " bytes, at most " +
                                              std::to_string(limits.maxEntryBytes) + ")");
        if (st.size > 65536 && st.size / std::max<zip_uint64_t>(st.comp_size, 1) > limits.maxRatio)
            return refused(package, name, "compression ratio too high (a zip bomb?)");
        total += st.size;
        if (total > limits.maxTotalBytes)
            return refused(package, "", "too large in total (at most " + std::to_string(limits.maxTotalBytes) + " bytes)");
        hasManifest = hasManifest || name == "plugin.toml";
    }
    if (!hasManifest)
        return refused(package, "", "no plugin.toml at the package root");

    std::error_code ec;
    if (fs::exists(destination, ec))
        return Error::make(ErrorCode::AlreadyExists, destination + " exists already");
    const fs::path staging = destination + ".partial";
    fs::remove_all(staging, ec);
    auto cleanup = [&] { fs::remove_all(staging, ec); };
    if (!fs::create_directories(staging, ec)) {
        cleanup();
        return Error::make(ErrorCode::Io, "cannot create " + staging.string());
    }
    for (zip_int64_t i = 0; i < count; ++i) {
        const std::string name = zip_get_name(zip.get(), static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
        const fs::path target = staging / name;
        if (name.back() == '/') {
            fs::create_directories(target, ec);
            continue;
        }
        fs::create_directories(target.parent_path(), ec);
        zip_file_t *file = zip_fopen_index(zip.get(), static_cast<zip_uint64_t>(i), 0);
        std::ofstream out(target, std::ios::binary | std::ios::trunc);
        if (!file || !out) {
            if (file)
                zip_fclose(file);
            cleanup();
            return refused(package, name, "cannot be unpacked");
        }
        char buffer[64 * 1024];
        zip_int64_t n;
        std::uint64_t written = 0;
        while ((n = zip_fread(file, buffer, sizeof buffer)) > 0) {
            written += static_cast<std::uint64_t>(n);
            if (written > limits.maxEntryBytes)  // the header lied about the size
                break;
            out.write(buffer, n);
        }
        zip_fclose(file);
        out.close();
        if (n < 0 || written > limits.maxEntryBytes || !out) {
            cleanup();
            return refused(package, name, n < 0 ? "damaged (CRC or data error)" : "larger than its header says");
        }
    }
    if (auto manifest = Manifest::load(staging.string()); !manifest) {
        cleanup();
        return Error::make(ErrorCode::InvalidValue, package + ": " + manifest.error().message);
    }
    fs::rename(staging, destination, ec);
    if (ec) {
        cleanup();
        return Error::make(ErrorCode::Io, "cannot move the package into " + destination + ": " + ec.message());
    }
    return {};
}

Result<void> Package::pack(const std::string &folder, const std::string &package)
{
    if (auto manifest = Manifest::load(folder); !manifest)
        return manifest.error();
    const std::string partial = package + ".partial";
    std::error_code ec;
    fs::remove(partial, ec);
    int error = 0;
    zip_t *zip = zip_open(partial.c_str(), ZIP_CREATE | ZIP_EXCL, &error);
    if (!zip)
        return Error::make(ErrorCode::Io, "cannot create " + partial);
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(folder, ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec)
            break;
        if (it->is_directory() && it->path().filename() == "__pycache__") {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_symlink() || !it->is_regular_file())
            continue;
        files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path &file : files) {
        const std::string name = fs::relative(file, folder).generic_string();
        if (nativeCode(name)) {
            zip_discard(zip);
            return Error::make(ErrorCode::InvalidValue, folder + ": '" + name + "' is native code; plugins cannot ship it");
        }
        zip_source_t *source = zip_source_file(zip, file.c_str(), 0, -1);
        const zip_int64_t index = source ? zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (source)
                zip_source_free(source);
            zip_discard(zip);
            return Error::make(ErrorCode::Io, "cannot add '" + name + "' to the package");
        }
        zip_file_set_external_attributes(zip, static_cast<zip_uint64_t>(index), 0, ZIP_OPSYS_UNIX,
                                         static_cast<zip_uint32_t>(S_IFREG | 0644) << 16);
    }
    if (zip_close(zip) != 0) {
        zip_discard(zip);
        return Error::make(ErrorCode::Io, "cannot write " + partial);
    }
    fs::rename(partial, package, ec);
    if (ec)
        return Error::make(ErrorCode::Io, "cannot move the package into place: " + ec.message());
    return {};
}

} // namespace objcap
