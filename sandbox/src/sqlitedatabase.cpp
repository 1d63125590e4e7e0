#include "sqlitedatabase.h"

namespace objcap::detail {

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::string &path)
{
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    std::unique_ptr<SqliteDatabase> self(new SqliteDatabase(db));
    if (rc != SQLITE_OK)
        return Error::make(ErrorCode::Io, "cannot open '" + path + "': " + (db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_busy_timeout(db, 5000);
    // WAL + NORMAL: a committed transaction is in the WAL before the call returns, which
    // survives the process being killed; checkpoints fsync.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"}) {
        if (Result<void> ok = self->run(pragma); !ok)
            return ok.error();
    }
    sqlite3_stmt *check = self->statement("PRAGMA quick_check");
    const int step = check ? sqlite3_step(check) : SQLITE_ERROR;
    const std::string verdict = step == SQLITE_ROW ? reinterpret_cast<const char *>(sqlite3_column_text(check, 0)) : "";
    if (check)
        sqlite3_reset(check);
    if (verdict != "ok")
        return Error::make(ErrorCode::Io, verdict.empty() ? self->lastError() : verdict);
    return self;
}

SqliteDatabase::~SqliteDatabase()
{
    for (Cached &cached : m_cache)
        sqlite3_finalize(cached.stmt);
    sqlite3_close(m_db);
}

Result<void> SqliteDatabase::run(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : lastError();
        sqlite3_free(message);
        return Error::make(ErrorCode::Io, text);
    }
    return {};
}

sqlite3_stmt *SqliteDatabase::statement(const char *sql)
{
    for (Cached &cached : m_cache) {
        if (cached.sql == sql) {
            sqlite3_reset(cached.stmt);
            sqlite3_clear_bindings(cached.stmt);
            return cached.stmt;
        }
    }
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        return nullptr;
    m_cache.push_back({sql, stmt});
    return stmt;
}

} // namespace objcap::detail
