# Technique: sqlite3 creates a database file
# expect: ImportError
import sqlite3
sqlite3.connect('objcap-escape-marker').execute('create table t(x)')
