-- comparison_averages: one row per comparison group (industry group x size class, Rule Table 2) with at
-- least one unit in its female average. Only obligated units form the averages unless the rule version
-- says otherwise (domain §5). An average is the exact mean of the units' rounded ratios (or the pooled
-- ratio), rounded half-up to 6 decimals; a standard is factor x that rounded average, rounded likewise.
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
    ROUND(IF(:pooled,
             CAST(SUM(IF(female_ratio IS NULL, 0, women)) AS DECIMAL(38, 18))
               / NULLIF(SUM(IF(female_ratio IS NULL, 0, workers)), 0),
             CAST(SUM(female_ratio) AS DECIMAL(38, 18)) / NULLIF(COUNT(female_ratio), 0)), 6) AS avg_female_ratio,
    COUNT(manager_female_ratio) AS units_with_managers,
    ROUND(IF(:pooled,
             CAST(SUM(IF(manager_female_ratio IS NULL, 0, women_managers)) AS DECIMAL(38, 18))
               / NULLIF(SUM(IF(manager_female_ratio IS NULL, 0, managers)), 0),
             CAST(SUM(manager_female_ratio) AS DECIMAL(38, 18)) / NULLIF(COUNT(manager_female_ratio), 0)), 6)
      AS avg_manager_female_ratio
  FROM averaged_units
  GROUP BY industry_group, size_class
  HAVING COUNT(female_ratio) > 0
)
SELECT
  industry_group,
  size_class,
  units,
  avg_female_ratio,
  ROUND(:factor * avg_female_ratio, 6) AS standard_female_ratio,
  units_with_managers,
  avg_manager_female_ratio,
  ROUND(:factor * avg_manager_female_ratio, 6) AS standard_manager_female_ratio
FROM averaged
