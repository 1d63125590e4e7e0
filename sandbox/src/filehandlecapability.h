#pragma once

#include "objcap/capability.h"
#include "quota.h"
#include "uniquefd.h"

#include <memory>
#include <mutex>
#include <string>

namespace objcap::detail {

// A file opened through a directory or file capability (ctx.files.open(path, mode)): read,
// readline, write, seek, tell, close; iteration and `with` come with the proxy. The fd was
// opened with exactly the access the mode needs, and the handle is revoked with the
// capability it came from.
class FileHandleCapability : public Capability {
public:
    struct Mode {
        bool text = true;
        bool readable = false;
        bool writable = false;
        bool append = false;
        std::string name;  // as the plugin wrote it: "r", "wb", ...
    };
    FileHandleCapability(const Capability &parent, UniqueFd fd, std::string display, Mode mode,
                         std::shared_ptr<Quota> quota);

    std::string scope() const override;
    std::vector<std::string> methods() const override;
    std::vector<std::string> attributes() const override;
    std::string auditTarget(const Arguments &) const override { return m_display; }

protected:
    Result<Value> call(const std::string &method, const Arguments &arguments) override;
    Result<Value> get(const std::string &name) override;

private:
    Result<Value> read(std::int64_t size);
    Result<Value> readline();
    Result<Value> write(const Value &data);
    Result<Value> seek(std::int64_t offset, std::int64_t whence);
    Result<void> fill(std::size_t atLeast);  // read ahead into m_buffer
    Result<Value> result(std::string bytes) const;
    Result<void> open() const;

    std::mutex m_mutex;
    UniqueFd m_fd;
    std::string m_display;
    Mode m_mode;
    std::shared_ptr<Quota> m_quota;
    std::string m_buffer;  // bytes read ahead of the plugin's position
    bool m_eof = false;
};

} // namespace objcap::detail
