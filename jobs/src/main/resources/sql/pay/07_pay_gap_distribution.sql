-- pay_gap_distribution: how the employers' median pay gaps of pay_indicators are spread (docs/rules.md, "Annual
-- statistical report"): one row per band of 5 percentage points, [band_from_pct, band_to_pct), with the number of
-- employers whose median gap falls in it; one row (withheld, no band) for the employers whose figures are withheld
-- (suppressed), and one (no band, not withheld) for those without a median gap (the men's median pay is zero);
-- bands without an employer have no row.
SELECT
  CAST(FLOOR(median_gap_pct / 5) * 5 AS DECIMAL(9, 2)) AS band_from_pct,
  CAST(FLOOR(median_gap_pct / 5) * 5 + 5 AS DECIMAL(9, 2)) AS band_to_pct,
  suppressed AS withheld,
  COUNT(*) AS employers,
  :rule_version AS rule_version,
  :run_id AS run_id
FROM pay_indicators
GROUP BY FLOOR(median_gap_pct / 5), suppressed
