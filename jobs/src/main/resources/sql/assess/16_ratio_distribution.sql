-- ratio_distribution: how the ratios of the units that form each comparison group's average are spread (docs/rules.md,
-- "Annual statistical report"): one row per comparison group, ratio (FEMALE, MANAGER) and band of 5 percentage
-- points, [band_from, band_to), the last band closed at 1, with the number of units in it; bands without a unit have
-- no row.
WITH averaged_units AS (
  SELECT *
  FROM units
  WHERE (obligated OR :voluntary_units_in_averages) AND size_class IS NOT NULL
),
ratios AS (
  SELECT industry_group, size_class, 'FEMALE' AS ratio, LEAST(FLOOR(female_ratio * 20), 19) AS band
  FROM averaged_units
  WHERE female_ratio IS NOT NULL
  UNION ALL
  SELECT industry_group, size_class, 'MANAGER', LEAST(FLOOR(manager_female_ratio * 20), 19)
  FROM averaged_units
  WHERE manager_female_ratio IS NOT NULL
)
SELECT
  industry_group,
  size_class,
  ratio,
  CAST(band / 20 AS DECIMAL(3, 2)) AS band_from,
  CAST((band + 1) / 20 AS DECIMAL(3, 2)) AS band_to,
  COUNT(*) AS units,
  :rule_version AS rule_version,
  :run_id AS run_id
FROM ratios
GROUP BY industry_group, size_class, ratio, band
