-- units: one row per assessed unit with its group's averages and standards and the decision (docs/rules.md,
-- "Standard and selection"). Below the female standard unless the female ratio reaches the proviso (Table 2 (a));
-- below the manager standard with no proviso (Table 2 (b)). "Below" is strict. Voluntary units are assessed, not
-- notified.
WITH compared AS (
  SELECT
    u.*,
    a.avg_female_ratio,
    a.standard_female_ratio,
    a.avg_manager_female_ratio,
    a.standard_manager_female_ratio,
    COALESCE(u.female_ratio < a.standard_female_ratio, FALSE) AS below_female_standard_before_proviso,
    COALESCE(u.manager_female_ratio < a.standard_manager_female_ratio, FALSE) AS below_manager_standard
  FROM units_counted u
  LEFT JOIN comparison_averages a
    ON a.industry_group = u.industry_group AND a.size_class = u.size_class
),
decided AS (
  SELECT
    *,
    below_female_standard_before_proviso AND :has_proviso AND female_ratio >= :female_ratio_proviso AS female_proviso_applied
  FROM compared
),
selected AS (
  SELECT
    *,
    below_female_standard_before_proviso AND NOT female_proviso_applied AS below_female_standard
  FROM decided
)
SELECT
  *,
  obligated AND (below_female_standard OR below_manager_standard) AS notified,
  CASE
    WHEN below_female_standard AND below_manager_standard THEN 'BOTH'
    WHEN below_female_standard THEN 'FEMALE'
    WHEN below_manager_standard THEN 'MANAGER'
  END AS selected_on,
  :rule_version AS rule_version,
  :run_id AS run_id
FROM selected
