-- changes.csv of a what-if (docs/rules.md, "Policy what-if"): each unit whose outcome under a scenario differs from
-- the published run's: newly notified, no longer notified, or notified on another criterion; with its figures, its
-- group and standards under the scenario, and both outcomes.
WITH published AS (
  SELECT * FROM whatif_units WHERE scenario_rank = 0
),
scenarios AS (
  SELECT * FROM whatif_units WHERE scenario_rank > 0
)
SELECT
  :reporting_year AS reporting_year,
  s.scenario,
  s.employer_id,
  s.employer_name,
  s.industry_group,
  s.size_class,
  s.workers,
  s.women,
  s.female_ratio,
  s.managers,
  s.women_managers,
  s.manager_female_ratio,
  s.standard_female_ratio,
  s.standard_manager_female_ratio,
  p.notified AS published_notified,
  p.selected_on AS published_selected_on,
  s.notified,
  s.selected_on,
  CASE
    WHEN s.notified AND NOT p.notified THEN 'NEWLY_NOTIFIED'
    WHEN p.notified AND NOT s.notified THEN 'NO_LONGER_NOTIFIED'
    ELSE 'CRITERION_CHANGED'
  END AS outcome
FROM scenarios s
JOIN published p ON p.employer_id = s.employer_id AND p.industry_group = s.industry_group
WHERE s.notified <> p.notified OR COALESCE(s.selected_on, '') <> COALESCE(p.selected_on, '')
ORDER BY s.scenario_rank, outcome, s.employer_id, s.industry_group
