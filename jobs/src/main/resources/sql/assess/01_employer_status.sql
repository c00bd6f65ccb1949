-- employer_status: one row per registered employer: its regular workforce and where it came from, its
-- obligation and size class, and how its workplaces' latest tables ended (docs/rules.md, "Regular
-- workforce", "Who is obliged").
-- Regular workforce = the monthly counts of Y-1 summed and divided by the months the business operated,
-- the months with a count above zero (Decree Art. 4(3)), half-up to 2 decimals. Without such a month it
-- falls back to the workers of the employer's accepted tables, then to the workers the headers of its
-- latest tables declare, rejected or not; else it is unknown.
-- Obliged: a kind the rule version obliges, from the kind's threshold (0: whatever the size); unknown
-- (NULL) where the threshold needs a workforce nobody knows.
WITH monthly AS (
  SELECT employer_id, SUM(employees) AS employee_months, COUNT(*) AS months
  FROM monthly_workforce
  WHERE month LIKE CONCAT(:workforce_year, '-%') AND employees > 0
  GROUP BY employer_id
),
accepted_workers AS (
  SELECT employer_id, SUM(total) AS workers
  FROM submissions
  GROUP BY employer_id
),
tables AS (
  SELECT
    employer_id,
    COUNT(DISTINCT IF(accepted, workplace_id, NULL)) AS accepted_workplaces,
    SUM(declared_workers) AS declared_workers,
    COUNT(declared_workers) AS declaring_tables
  FROM submitted_tables
  GROUP BY employer_id
),
rejected_workplaces AS (
  -- a workplace whose latest table was rejected, and which has no accepted table
  SELECT employer_id, COUNT(DISTINCT workplace_id) AS rejected_workplaces
  FROM submitted_tables t
  WHERE NOT accepted
    AND NOT EXISTS (SELECT 1 FROM submissions s
                    WHERE s.employer_id = t.employer_id AND s.workplace_id = t.workplace_id)
  GROUP BY employer_id
),
workforce AS (
  SELECT
    e.employer_id,
    e.name AS employer_name,
    e.kind,
    e.disclosure_group,
    CASE
      WHEN m.months IS NOT NULL THEN 'MONTHLY_COUNTS'
      WHEN a.workers IS NOT NULL THEN 'ACCEPTED_TABLES'
      WHEN t.declaring_tables > 0 THEN 'DECLARED_HEADERS'
    END AS workforce_source,
    CASE
      WHEN m.months IS NOT NULL THEN CAST(half_up(m.employee_months, m.months, 2) AS DECIMAL(20, 2))
      WHEN a.workers IS NOT NULL THEN CAST(a.workers AS DECIMAL(20, 2))
      WHEN t.declaring_tables > 0 THEN CAST(t.declared_workers AS DECIMAL(20, 2))
    END AS regular_workforce,
    COALESCE(t.accepted_workplaces, 0) AS accepted_workplaces,
    COALESCE(r.rejected_workplaces, 0) AS rejected_workplaces
  FROM employers e
  LEFT JOIN monthly m ON m.employer_id = e.employer_id
  LEFT JOIN accepted_workers a ON a.employer_id = e.employer_id
  LEFT JOIN tables t ON t.employer_id = e.employer_id
  LEFT JOIN rejected_workplaces r ON r.employer_id = e.employer_id
),
obligation AS (
  SELECT
    w.*,
    CASE
      WHEN o.kind IS NULL THEN FALSE
      WHEN IF(w.disclosure_group, o.group_workforce, o.workforce) = 0 THEN TRUE
      ELSE w.regular_workforce >= IF(w.disclosure_group, o.group_workforce, o.workforce)
    END AS obligated
  FROM workforce w
  LEFT JOIN obligations o ON o.kind = w.kind
)
SELECT o.*, s.size_class
FROM obligation o
LEFT JOIN size_classes s
  ON o.regular_workforce >= s.min_workforce
 AND (s.max_workforce IS NULL OR o.regular_workforce < s.max_workforce)
