-- duplicate_keys: one row per employee key that its employer uses on more than one payroll row, with the
-- lines; every row with such a key is rejected (data contract: DUPLICATE_EMPLOYEE).
WITH keyed_rows AS (
  SELECT line, employer_id, employee_key FROM payroll
  UNION ALL
  -- a row broken on its own is in payroll_row_rejections once per rule it broke, and not in payroll
  SELECT DISTINCT line, employer_id, employee_key FROM payroll_row_rejections
)
SELECT
  employer_id,
  employee_key,
  COUNT(*) AS row_count,
  ARRAY_JOIN(TRANSFORM(SORT_ARRAY(COLLECT_LIST(line)), l -> CAST(l AS STRING)), ', ') AS lines
FROM keyed_rows
WHERE employee_key <> ''
GROUP BY employer_id, employee_key
HAVING COUNT(*) > 1
