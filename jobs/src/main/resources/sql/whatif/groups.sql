-- groups.csv of a what-if (docs/rules.md, "Policy what-if"): each comparison group under each scenario, the
-- published run first: its units, averages and standards, and how many of its units are notified.
SELECT
  :reporting_year AS reporting_year,
  industry_group,
  size_class,
  scenario,
  units,
  avg_female_ratio,
  standard_female_ratio,
  units_with_managers,
  avg_manager_female_ratio,
  standard_manager_female_ratio,
  selected_units AS notified_units
FROM whatif_benchmarks
ORDER BY industry_group, size_class, scenario_rank
