#pragma once

#include "objcap/capability.h"
#include "quota.h"
#include "uniquefd.h"

#include <memory>
#include <string>

namespace objcap::detail {

// ctx.files: a directory handle (an O_PATH fd) with permission bits that only narrow, after
// cap-std. Every path resolves beneath the fd (BeneathResolver); subdir() and readonly()
// mint narrower capabilities sharing the grant's quota and revocation; open() hands out file
// handles with exactly the access their mode needs. Messages name paths relative to the
// grant (`display` is this capability's own root within it), never a host path.
class DirectoryCapability : public Capability {
public:
    DirectoryCapability(UniqueFd directory, bool readOnly, std::string display, std::shared_ptr<Quota> quota);

    std::string scope() const override;
    std::vector<std::string> methods() const override;
    std::vector<std::string> attributes() const override { return {"read_only"}; }

    // Host-side helpers shared with FileCapability.
    Result<std::string> readFile(const std::string &path);
    Result<void> writeFile(const std::string &path, const std::string &bytes);
    Result<Value> openFile(const std::string &path, const std::string &mode);
    Result<Value> statPath(const std::string &path);
    bool readOnly() const { return m_readOnly; }

protected:
    Result<Value> call(const std::string &method, const Arguments &arguments) override;
    Result<Value> get(const std::string &) override { return Value(m_readOnly); }

private:
    Result<void> writable(const std::string &path) const;
    Result<UniqueFd> openRegular(const std::string &path, int flags, unsigned mode = 0);
    Result<Value> listdir(const std::string &path);
    Result<Value> exists(const std::string &path, bool directoryOnly);
    Result<Value> mkdir(const std::string &path, bool parents);
    Result<Value> remove(const std::string &path, bool directory);
    Result<Value> rename(const std::string &from, const std::string &to);
    Result<Value> subdir(const std::string &path);

    UniqueFd m_dir;
    bool m_readOnly;
    std::string m_display;
    std::shared_ptr<Quota> m_quota;
};

} // namespace objcap::detail
