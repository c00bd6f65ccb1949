-- totals.csv of a what-if (docs/rules.md, "Policy what-if"): under each scenario, the published run first, the units
-- and employers notified, the fine cases (employer and reason) and the naming candidates.
WITH notified AS (
  SELECT scenario, scenario_rank, COUNT_IF(notified) AS notified_units,
    COUNT(DISTINCT CASE WHEN notified THEN employer_id END) AS notified_employers
  FROM whatif_units
  GROUP BY scenario, scenario_rank
),
fines AS (
  SELECT scenario, COUNT(*) AS fine_cases FROM whatif_non_submitters GROUP BY scenario
),
candidates AS (
  SELECT scenario, COUNT_IF(status = 'CANDIDATE') AS naming_candidates FROM whatif_naming_candidates GROUP BY scenario
)
SELECT
  :reporting_year AS reporting_year,
  n.scenario,
  n.notified_units,
  n.notified_employers,
  COALESCE(f.fine_cases, 0) AS fine_cases,
  COALESCE(c.naming_candidates, 0) AS naming_candidates
FROM notified n
LEFT JOIN fines f ON f.scenario = n.scenario
LEFT JOIN candidates c ON c.scenario = n.scenario
ORDER BY n.scenario_rank
