#pragma once

#include "objcap/result.h"

#include <sqlite3.h>

#include <memory>
#include <string>
#include <vector>

namespace objcap::detail {

// One SQLite connection and the few statements storage needs, with RAII for both.
class SqliteDatabase {
public:
    // Opens (creating if missing) and checks the file; a file that is not a sound SQLite
    // database fails with the reason.
    static Result<std::unique_ptr<SqliteDatabase>> open(const std::string &path);
    ~SqliteDatabase();

    Result<void> run(const char *sql);
    // A prepared statement, reset and ready to bind; owned by the database.
    sqlite3_stmt *statement(const char *sql);
    std::string lastError() const { return sqlite3_errmsg(m_db); }
    sqlite3 *handle() const { return m_db; }

private:
    explicit SqliteDatabase(sqlite3 *db) : m_db(db) {}
    sqlite3 *m_db;
    struct Cached {
        std::string sql;
        sqlite3_stmt *stmt;
    };
    std::vector<Cached> m_cache;
};

} // namespace objcap::detail
