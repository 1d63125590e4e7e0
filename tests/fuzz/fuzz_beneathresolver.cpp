// libFuzzer target: any byte string as a plugin path must resolve strictly beneath the granted
// directory, or be refused. The tree holds symlinks pointing out (relative, absolute, chained,
// looping, /proc), so an escape shows up as an fd whose path is outside: that aborts.
#include "beneathresolver.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

std::string g_root;  // realpath of the granted directory, with a trailing '/'
int g_dir = -1;

void build()
{
    char pattern[] = "/tmp/objcap-fuzz-XXXXXX";
    const char *base = mkdtemp(pattern);
    if (!base)
        std::abort();
    const std::string b = base;
    const std::string granted = b + "/granted";
    if (mkdir(granted.c_str(), 0700) != 0 || mkdir((granted + "/sub").c_str(), 0700) != 0)
        std::abort();
    for (const char *file : {"/secret.txt", "/granted/notes.txt", "/granted/sub/inner.txt"}) {
        FILE *f = std::fopen((b + file).c_str(), "w");
        if (!f)
            std::abort();
        std::fclose(f);
    }
    const struct {
        const char *target, *link;
    } links[] = {{"../secret.txt", "/granted/out"},     {"/etc", "/granted/abs"},
                 {"out", "/granted/chain"},             {"loop2", "/granted/loop1"},
                 {"loop1", "/granted/loop2"},           {"..", "/granted/up"},
                 {"/proc/self/root", "/granted/proc"},  {"../../secret.txt", "/granted/sub/up2"},
                 {"notes.txt", "/granted/inside"},      {"../sub", "/granted/sub/self"}};
    for (const auto &l : links) {
        if (symlink(l.target, (b + l.link).c_str()) != 0)
            std::abort();
    }
    char *real = realpath(granted.c_str(), nullptr);
    if (!real)
        std::abort();
    g_root = std::string(real) + "/";
    std::free(real);
    g_dir = open(granted.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (g_dir < 0)
        std::abort();
}

void checkBeneath(int fd)
{
    char link[64];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    char target[4096];
    const ssize_t n = readlink(link, target, sizeof target - 1);
    if (n < 0)
        std::abort();
    const std::string resolved(target, static_cast<size_t>(n));
    if (resolved + "/" != g_root && resolved.compare(0, g_root.size(), g_root) != 0) {
        std::fprintf(stderr, "ESCAPE: resolved to %s\n", resolved.c_str());
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (g_dir < 0)
        build();
    const std::string path(reinterpret_cast<const char *>(data), size);
    auto fd = objcap::detail::BeneathResolver::open(g_dir, path, O_PATH, 0, "");
    if (fd)
        checkBeneath(fd->get());
    auto entry = objcap::detail::BeneathResolver::entry(g_dir, path, "");
    if (entry)
        checkBeneath(entry->parent.get());
    return 0;
}
