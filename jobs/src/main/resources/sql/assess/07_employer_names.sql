-- employer_names: one row per employer the year's compliance lists may name: its name in this year's
-- registry, else in the ledger's latest year that assessed it (an employer may leave the registry, and
-- still owe a plan or a report).
SELECT employer_id, employer_name
FROM (
  SELECT
    employer_id,
    employer_name,
    ROW_NUMBER() OVER (PARTITION BY employer_id ORDER BY preference, reporting_year DESC, employer_name) AS name_rank
  FROM (
    SELECT employer_id, employer_name, 0 AS preference, :reporting_year AS reporting_year FROM employer_status
    UNION ALL
    SELECT employer_id, employer_name, 1 AS preference, reporting_year FROM ledger_assessed_units
  )
)
WHERE name_rank = 1
