#pragma once

#include "objcap/capability.h"
#include "sqlitedatabase.h"

#include <memory>
#include <mutex>
#include <string>

namespace objcap::detail {

// ctx.storage: get(key, default=None), set(key, value), delete(key), keys(prefix="") over a
// SQLite table, with a byte quota on keys and values together.
class StorageCapability : public Capability {
public:
    StorageCapability(std::unique_ptr<SqliteDatabase> db, std::uint64_t quota, std::uint64_t used);

    std::vector<std::string> methods() const override { return {"delete", "get", "keys", "set"}; }

protected:
    Result<Value> call(const std::string &method, const Arguments &arguments) override;

private:
    Result<Value> get(const std::string &key, const Value &fallback);
    Result<Value> set(const std::string &key, const Value &value);
    Result<Value> remove(const std::string &key);
    Result<Value> keys(const std::string &prefix);
    Result<std::int64_t> storedSize(const std::string &key);
    Error failure(const std::string &what) const;

    std::mutex m_mutex;
    std::unique_ptr<SqliteDatabase> m_db;
    std::uint64_t m_quota;
    std::uint64_t m_used;
};

} // namespace objcap::detail
