-- Who runs the cycle of a year against this database (docs/rules.md, "One run at a time"): output folders
-- that share one database (AA_DB_URL) take a PostgreSQL advisory lock on the year, which the server releases
-- when the holder's connection ends, and write here who they are, so that a second start can name them.
CREATE TABLE cycle_locks (
  reporting_year INTEGER PRIMARY KEY,
  holder VARCHAR(2000) NOT NULL
);
