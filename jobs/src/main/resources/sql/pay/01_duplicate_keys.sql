-- duplicate_keys: one row per employee key that its employer uses on more than one payroll row, with the
-- lines; every row with such a key is rejected (data contract: DUPLICATE_EMPLOYEE).
WITH keyed_rows AS (
  SELECT line, employer_id, employee_key FROM payroll
  UNION ALL
  -- a row broken on its own is in payroll_row_rejections once per rule it broke, and not in payroll
  SELECT DISTINCT line, employer_id, employee_key FROM payroll_row_rejections
),
duplicated AS (
  SELECT employer_id, employee_key
  FROM keyed_rows
  WHERE employee_key <> ''
  GROUP BY employer_id, employee_key
  HAVING COUNT(*) > 1
)
SELECT
  k.employer_id,
  k.employee_key,
  COUNT(*) AS row_count,
  ARRAY_JOIN(TRANSFORM(SORT_ARRAY(COLLECT_LIST(k.line)), l -> CAST(l AS STRING)), ', ') AS lines
FROM keyed_rows k
LEFT SEMI JOIN duplicated d ON d.employer_id = k.employer_id AND d.employee_key = k.employee_key
GROUP BY k.employer_id, k.employee_key
