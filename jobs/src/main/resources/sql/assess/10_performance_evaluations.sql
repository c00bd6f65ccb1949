-- performance_evaluations: the performance reports of plan year Y-2 against their plans (docs/rules.md,
-- "Achievement and poor performance"; Manual Form 6): achievement = actual / target x 100, half-up to 2 decimals,
-- none where the target is 0. Poor (our reading, a setting): an achievement below the setting on a figure with a
-- target; a target of 0 is judged on the other figure. The comparison is exact, on the counts, not on the rounded
-- percentage.
WITH latest_reports AS (
  -- the employer's latest report on the plan year (docs/rules.md, "Latest plan or report replaces earlier ones")
  SELECT *
  FROM ledger_performance_reports
  WHERE latest AND plan_year = :report_year
),
evaluated AS (
  SELECT
    r.employer_id,
    r.plan_year,
    p.target_women,
    r.actual_women,
    p.target_women_managers,
    r.actual_women_managers,
    COALESCE(p.target_women > 0 AND r.actual_women * 100 < :poor_below_pct * p.target_women, FALSE)
      OR COALESCE(p.target_women_managers > 0
        AND r.actual_women_managers * 100 < :poor_below_pct * p.target_women_managers, FALSE) AS poor
  FROM latest_reports r
  LEFT JOIN latest_plans p ON p.employer_id = r.employer_id AND p.plan_year = r.plan_year
)
SELECT
  e.employer_id,
  COALESCE(n.employer_name, '') AS employer_name,
  e.plan_year,
  e.target_women,
  e.actual_women,
  IF(e.target_women > 0, ROUND(CAST(e.actual_women AS DECIMAL(20, 0)) * 100 / e.target_women, 2), NULL)
    AS women_achievement_pct,
  e.target_women_managers,
  e.actual_women_managers,
  IF(e.target_women_managers > 0,
    ROUND(CAST(e.actual_women_managers AS DECIMAL(20, 0)) * 100 / e.target_women_managers, 2), NULL)
    AS managers_achievement_pct,
  e.poor,
  :rule_version AS rule_version,
  :run_id AS run_id
FROM evaluated e
LEFT JOIN employer_names n ON n.employer_id = e.employer_id
