#pragma once

#include "directorycapability.h"

#include <memory>
#include <string>

namespace objcap::detail {

// ctx.file: one granted file. It works through a directory capability on the file's parent
// that only this object holds, always naming the one entry, so the plugin can reach nothing
// else there (a symlink swapped in for the file still resolves beneath the parent or fails).
class FileCapability : public Capability {
public:
    FileCapability(std::shared_ptr<DirectoryCapability> parent, std::string name);

    std::string scope() const override;
    std::vector<std::string> methods() const override;
    std::vector<std::string> attributes() const override { return {"read_only"}; }
    std::string auditTarget(const Arguments &) const override { return m_name; }

protected:
    Result<Value> call(const std::string &method, const Arguments &arguments) override;
    Result<Value> get(const std::string &) override { return Value(m_parent->readOnly()); }

private:
    std::shared_ptr<DirectoryCapability> m_parent;
    std::string m_name;
};

} // namespace objcap::detail
