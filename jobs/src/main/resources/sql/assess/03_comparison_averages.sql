-- comparison_averages: one row per comparison group (industry group x size class, Rule Table 2) with at
-- least one unit in its female average. Only obligated units form the averages unless the rule version
-- says otherwise (docs/rules.md, "Comparison average"). An average is the exact mean of the units' rounded
-- ratios (or the pooled ratio), half-up to 6 decimals; a standard is factor x that rounded average, rounded
-- likewise (the product is exact, so ROUND rounds it once).
WITH averaged_units AS (
  SELECT *
  FROM units_counted
  WHERE (obligated OR :voluntary_units_in_averages) AND size_class IS NOT NULL
),
averaged AS (
  SELECT
    industry_group,
    size_class,
    COUNT(female_ratio) AS units,
    IF(:pooled,
       half_up(SUM(IF(female_ratio IS NULL, 0, women)), SUM(IF(female_ratio IS NULL, 0, workers)), 6),
       half_up(SUM(female_ratio), COUNT(female_ratio), 6)) AS avg_female_ratio,
    COUNT(manager_female_ratio) AS units_with_managers,
    IF(:pooled,
       half_up(SUM(IF(manager_female_ratio IS NULL, 0, women_managers)),
               SUM(IF(manager_female_ratio IS NULL, 0, managers)), 6),
       half_up(SUM(manager_female_ratio), COUNT(manager_female_ratio), 6)) AS avg_manager_female_ratio
  FROM averaged_units
  GROUP BY industry_group, size_class
  HAVING COUNT(female_ratio) > 0
)
SELECT
  industry_group,
  size_class,
  units,
  avg_female_ratio,
  ROUND(:factor * CAST(avg_female_ratio AS DECIMAL(9, 6)), 6) AS standard_female_ratio,
  units_with_managers,
  avg_manager_female_ratio,
  ROUND(:factor * CAST(avg_manager_female_ratio AS DECIMAL(9, 6)), 6) AS standard_manager_female_ratio
FROM averaged
