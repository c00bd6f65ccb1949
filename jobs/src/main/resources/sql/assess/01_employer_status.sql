-- employer_status: one row per registered employer, with its regular workforce, obligation and size class.
-- Domain §2: regular workforce = the monthly counts of Y-1 summed and divided by the months the business
-- operated, i.e. the months with a row (Decree Art. 4(3)), rounded half-up to 2 decimals as published.
-- Public bodies are obligated whatever their size (Decree Art. 4(1)); private employers from the rule
-- version's threshold, a lower one for disclosure groups (Decree Art. 4(2)).
WITH monthly AS (
  SELECT employer_id, SUM(employees) AS employee_months, COUNT(*) AS months
  FROM monthly_workforce
  WHERE month LIKE CONCAT(:workforce_year, '-%')
  GROUP BY employer_id
),
table_workers AS (
  -- our reading: an employer with no monthly rows falls back to the workers of its accepted tables
  SELECT employer_id, SUM(total) AS workers
  FROM submissions
  GROUP BY employer_id
),
workforce AS (
  SELECT
    e.employer_id,
    e.name AS employer_name,
    e.kind,
    e.disclosure_group,
    CASE
      WHEN m.months IS NOT NULL THEN ROUND(CAST(m.employee_months AS DECIMAL(20, 2)) / m.months, 2)
      ELSE CAST(t.workers AS DECIMAL(20, 2))
    END AS regular_workforce
  FROM employers e
  LEFT JOIN monthly m ON m.employer_id = e.employer_id
  LEFT JOIN table_workers t ON t.employer_id = e.employer_id
),
obligation AS (
  SELECT
    w.*,
    w.kind <> 'PRIVATE'
      OR COALESCE(w.regular_workforce >= IF(w.disclosure_group, :group_obligation_workforce, :obligation_workforce),
                  FALSE) AS obligated
  FROM workforce w
)
SELECT o.*, s.size_class
FROM obligation o
LEFT JOIN size_classes s
  ON o.regular_workforce >= s.min_workforce
 AND (s.max_workforce IS NULL OR o.regular_workforce < s.max_workforce)
