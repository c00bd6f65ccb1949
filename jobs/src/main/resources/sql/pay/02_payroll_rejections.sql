-- payroll_rejections: one row per rejected payroll row and rule: the rules a row breaks on its own, and
-- DUPLICATE_EMPLOYEE for every row whose key its employer uses on more than one row; with the employer's registered
-- name (none for an employer missing from the registry), so that its rejection notice can be addressed.
WITH duplicated AS (
  SELECT f.employer_id, d.employee_key, d.lines
  FROM pay_figures f
  LATERAL VIEW INLINE(f.duplicates) d
),
rejected AS (
  SELECT employer_id, employee_key, line, rule, message
  FROM payroll_row_rejections
  UNION ALL
  SELECT
    d.employer_id,
    d.employee_key,
    l.line,
    'DUPLICATE_EMPLOYEE' AS rule,
    CONCAT('employee_key ', d.employee_key, ' appears on ', SIZE(d.lines), ' rows of employer ', d.employer_id,
           ' (lines ', ARRAY_JOIN(TRANSFORM(d.lines, l -> CAST(l AS STRING)), ', '),
           '); keep one row per employee') AS message
  FROM duplicated d
  LATERAL VIEW EXPLODE(d.lines) l AS line
)
SELECT r.*, :rule_version AS rule_version, :run_id AS run_id, e.name AS employer_name
FROM rejected r
LEFT JOIN employers e ON e.employer_id = r.employer_id
