-- benchmarks: one row per comparison group, with the number of its units notified.
WITH notified AS (
  SELECT industry_group, size_class, COUNT(*) AS selected_units
  FROM units
  WHERE notified
  GROUP BY industry_group, size_class
)
SELECT
  a.*,
  COALESCE(n.selected_units, 0) AS selected_units,
  :factor AS factor,
  :average AS average,
  :rule_version AS rule_version,
  :run_id AS run_id
FROM comparison_averages a
LEFT JOIN notified n ON n.industry_group = a.industry_group AND n.size_class = a.size_class
