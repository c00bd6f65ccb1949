-- payroll_rejections: one row per rejected payroll row and rule: the rules a row breaks on its own, and
-- DUPLICATE_EMPLOYEE for every row whose key is duplicated.
WITH keyed_rows AS (
  SELECT line, employer_id, employee_key FROM payroll
  UNION ALL
  SELECT DISTINCT line, employer_id, employee_key FROM payroll_row_rejections
),
rejected AS (
  SELECT employer_id, employee_key, line, rule, message
  FROM payroll_row_rejections
  UNION ALL
  SELECT
    k.employer_id,
    k.employee_key,
    k.line,
    'DUPLICATE_EMPLOYEE' AS rule,
    CONCAT('employee_key ', k.employee_key, ' appears on ', d.row_count, ' rows of employer ', k.employer_id,
           ' (lines ', d.lines, '); keep one row per employee') AS message
  FROM keyed_rows k
  JOIN duplicate_keys d ON d.employer_id = k.employer_id AND d.employee_key = k.employee_key
)
SELECT *, :rule_version AS rule_version, :run_id AS run_id
FROM rejected
