#include "storagecapability.h"

#include "objcap/storagecapability.h"
#include "valuecodec.h"

#include <chrono>
#include <filesystem>
#include <system_error>

namespace objcap::detail {

namespace {

void bindText(sqlite3_stmt *stmt, int index, const std::string &text)
{
    sqlite3_bind_text(stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

} // namespace

StorageCapability::StorageCapability(std::unique_ptr<SqliteDatabase> db, std::uint64_t quota, std::uint64_t used)
    : Capability("storage"), m_db(std::move(db)), m_quota(quota), m_used(used)
{
}

Error StorageCapability::failure(const std::string &what) const
{
    return Error::make(ErrorCode::Io, "storage: " + what + ": " + m_db->lastError());
}

Result<Value> StorageCapability::call(const std::string &method, const Arguments &args)
{
    std::lock_guard lock(m_mutex);
    if (method == "keys") {
        auto prefix = args.string(0, "prefix", "");
        if (Result<void> ok = args.expect(1, {"prefix"}); !ok)
            return ok.error();
        return prefix ? keys(prefix.value()) : Result<Value>(prefix.error());
    }
    auto key = args.string(0, "key");
    if (!key)
        return key.error();
    if (method == "get") {
        auto fallback = args.get(1, "default", Value());
        if (Result<void> ok = args.expect(2, {"key", "default"}); !ok)
            return ok.error();
        return fallback ? get(key.value(), fallback.value()) : Result<Value>(fallback.error());
    }
    if (method == "set") {
        auto value = args.get(1, "value");
        if (Result<void> ok = args.expect(2, {"key", "value"}); !ok)
            return ok.error();
        return value ? set(key.value(), value.value()) : Result<Value>(value.error());
    }
    if (method == "delete") {
        if (Result<void> ok = args.expect(1, {"key"}); !ok)
            return ok.error();
        return remove(key.value());
    }
    return Error::make(ErrorCode::InvalidArgument, "the storage capability has no method '" + method + "'");
}

Result<std::int64_t> StorageCapability::storedSize(const std::string &key)
{
    sqlite3_stmt *stmt = m_db->statement("SELECT length(key) + length(value) FROM kv WHERE key = ?1");
    if (!stmt)
        return failure("reading");
    bindText(stmt, 1, key);
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        return static_cast<std::int64_t>(sqlite3_column_int64(stmt, 0));
    if (rc == SQLITE_DONE)
        return std::int64_t{0};
    return failure("reading");
}

Result<Value> StorageCapability::get(const std::string &key, const Value &fallback)
{
    sqlite3_stmt *stmt = m_db->statement("SELECT value FROM kv WHERE key = ?1");
    if (!stmt)
        return failure("reading");
    bindText(stmt, 1, key);
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE)
        return fallback;
    if (rc != SQLITE_ROW)
        return failure("reading");
    const auto *data = static_cast<const char *>(sqlite3_column_blob(stmt, 0));
    return ValueCodec::decode(std::string(data ? data : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, 0))));
}

Result<Value> StorageCapability::set(const std::string &key, const Value &value)
{
    auto encoded = ValueCodec::encode(value);
    if (!encoded)
        return encoded.error();
    auto old = storedSize(key);
    if (!old)
        return old.error();
    const std::int64_t delta = static_cast<std::int64_t>(key.size() + encoded->size()) - old.value();
    if (delta > 0 && m_used + static_cast<std::uint64_t>(delta) > m_quota)
        return Error::make(ErrorCode::Refused, "storage quota exceeded: " + std::to_string(m_used) + " of " +
                                                   std::to_string(m_quota) + " bytes used, the value needs " +
                                                   std::to_string(delta) + " more");
    sqlite3_stmt *stmt = m_db->statement("INSERT OR REPLACE INTO kv (key, value) VALUES (?1, ?2)");
    if (!stmt)
        return failure("writing");
    bindText(stmt, 1, key);
    sqlite3_bind_blob(stmt, 2, encoded->data(), static_cast<int>(encoded->size()), SQLITE_STATIC);
    if (sqlite3_step(stmt) != SQLITE_DONE)
        return failure("writing");
    m_used = static_cast<std::uint64_t>(static_cast<std::int64_t>(m_used) + delta);
    return Value();
}

Result<Value> StorageCapability::remove(const std::string &key)
{
    auto old = storedSize(key);
    if (!old)
        return old.error();
    sqlite3_stmt *stmt = m_db->statement("DELETE FROM kv WHERE key = ?1");
    if (!stmt)
        return failure("deleting");
    bindText(stmt, 1, key);
    if (sqlite3_step(stmt) != SQLITE_DONE)
        return failure("deleting");
    m_used -= std::min<std::uint64_t>(m_used, static_cast<std::uint64_t>(old.value()));
    return Value(old.value() > 0);
}

Result<Value> StorageCapability::keys(const std::string &prefix)
{
    sqlite3_stmt *stmt = m_db->statement("SELECT key FROM kv WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key");
    if (!stmt)
        return failure("listing");
    bindText(stmt, 1, prefix);
    Value::List out;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
        out.emplace_back(std::string(text ? text : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, 0))));
    }
    if (rc != SQLITE_DONE)
        return failure("listing");
    return Value(std::move(out));
}

} // namespace objcap::detail

namespace objcap {

namespace {

// Moves a damaged database (and its WAL) aside instead of ever emptying it.
std::string keepAside(const std::string &path)
{
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    const std::string aside = path + ".corrupt-" + std::to_string(now);
    std::error_code ec;
    std::filesystem::rename(path, aside, ec);
    for (const char *suffix : {"-wal", "-shm"})
        std::filesystem::rename(path + suffix, aside + suffix, ec);
    return aside;
}

} // namespace

Result<std::shared_ptr<Capability>> makeStorageCapability(const std::string &path, std::uint64_t quotaBytes)
{
    auto db = detail::SqliteDatabase::open(path);
    if (!db) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) > 0) {
            const std::string aside = keepAside(path);
            return Error::make(ErrorCode::Io, "storage '" + std::filesystem::path(path).filename().string() +
                                                  "' is damaged (" + db.error().message + "); it was kept aside as '" +
                                                  std::filesystem::path(aside).filename().string() +
                                                  "' and a new one will be created next time");
        }
        return db.error();
    }
    if (Result<void> ok = db.value()->run("CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value BLOB NOT NULL) "
                                          "WITHOUT ROWID");
        !ok)
        return ok.error();
    sqlite3_stmt *sum = db.value()->statement("SELECT coalesce(sum(length(key) + length(value)), 0) FROM kv");
    std::uint64_t used = 0;
    if (sum && sqlite3_step(sum) == SQLITE_ROW)
        used = static_cast<std::uint64_t>(sqlite3_column_int64(sum, 0));
    return std::shared_ptr<Capability>(
        std::make_shared<detail::StorageCapability>(std::move(db).value(), quotaBytes, used));
}

} // namespace objcap
