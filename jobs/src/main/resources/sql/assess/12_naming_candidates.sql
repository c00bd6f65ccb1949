-- naming_candidates: one row per unit notified in Y of an employer notified in each of the last :failed_years
-- reporting years, whatever its units were (Act Art. 17-5(1) speaks of the employer; docs/rules.md, "Naming
-- candidate"), with the three-year evidence the council weighs for "practical effort" (Decree Art. 6(1)) and
-- its status, the first that holds of: an exception decided for year Y (EXCLUDED_...), no urge in those
-- years (NOT_URGED), an URGE_FOLLOWED decided on or after the latest urge (URGE_FOLLOWED), CANDIDATE.
WITH years AS (
  SELECT reporting_year, employer_id, industry_group, notified, women, women_managers
  FROM ledger_assessed_units
  WHERE reporting_year >= :first_failed_year
  UNION ALL
  SELECT :reporting_year, employer_id, industry_group, notified, women, women_managers
  FROM units
),
failed AS (
  SELECT
    employer_id,
    array_join(sort_array(collect_set(CAST(reporting_year AS STRING))), ';') AS failed_years
  FROM years
  WHERE notified
  GROUP BY employer_id
  HAVING COUNT(DISTINCT reporting_year) = :failed_years
),
urges AS (
  SELECT employer_id, MAX(decided_on) AS urged_on
  FROM ledger_actions
  WHERE action = 'URGED' AND year BETWEEN :first_failed_year AND :reporting_year
  GROUP BY employer_id
),
followed AS (
  SELECT DISTINCT u.employer_id
  FROM urges u
  JOIN ledger_actions a ON a.employer_id = u.employer_id
  WHERE a.action = 'URGE_FOLLOWED' AND a.decided_on >= u.urged_on
),
exceptions AS (
  -- the decision of the highest precedence in the rule version's list (docs/rules.md, "`EXCLUDED_DEATH`")
  SELECT a.employer_id, MIN_BY(d.status, d.precedence) AS status
  FROM ledger_actions a
  JOIN exception_decisions d ON d.action = a.action
  WHERE a.year = :reporting_year
  GROUP BY a.employer_id
)
SELECT
  f.employer_id,
  c.employer_name,
  c.industry_group,
  f.failed_years,
  u.urged_on,
  c.workers,
  c.women,
  c.female_ratio,
  c.managers,
  c.women_managers,
  c.manager_female_ratio,
  c.standard_female_ratio,
  c.standard_manager_female_ratio,
  c.women - o.women AS women_change_3y,
  c.women_managers - o.women_managers AS women_managers_change_3y,
  CASE
    WHEN x.status IS NOT NULL THEN x.status
    WHEN u.employer_id IS NULL THEN 'NOT_URGED'
    WHEN w.employer_id IS NOT NULL THEN 'URGE_FOLLOWED'
    ELSE 'CANDIDATE'
  END AS status,
  :rule_version AS rule_version,
  :run_id AS run_id
FROM failed f
JOIN units c ON c.employer_id = f.employer_id AND c.notified
LEFT JOIN years o
  ON o.reporting_year = :first_failed_year AND o.employer_id = f.employer_id AND o.industry_group = c.industry_group
LEFT JOIN urges u ON u.employer_id = f.employer_id
LEFT JOIN followed w ON w.employer_id = f.employer_id
LEFT JOIN exceptions x ON x.employer_id = f.employer_id
