-- national_statistics: the year's national picture as the annual report prints it (docs/rules.md, "Annual
-- statistical report"). Over the assessed units (every unit with an accepted table, obliged or not): the female
-- and female-manager ratios as the mean of the units' rounded ratios and pooled (women over workers of all the
-- units), each half-up to 6 decimals, overall (ALL), by kind of employer (KIND), size class (SIZE_CLASS),
-- industry group (INDUSTRY_GROUP) and for every earlier year of the ledger and this one (TREND); and how
-- many employers were obliged, submitted, notified, fine cases, naming candidates and published (COUNT).
WITH assessed AS (
  SELECT
    u.employer_id, u.workers, u.women, u.managers, u.women_managers, u.female_ratio, u.manager_female_ratio,
    u.notified, u.industry_group, u.size_class, s.kind
  FROM units u
  JOIN employer_status s ON s.employer_id = u.employer_id
),
earlier AS (
  SELECT
    reporting_year, employer_id, workers, women, managers, women_managers,
    half_up(women, workers, 6) AS female_ratio, half_up(women_managers, managers, 6) AS manager_female_ratio, notified
  FROM ledger_assessed_units
  WHERE reporting_year < :reporting_year
),
categorised AS (
  SELECT 'ALL' AS breakdown, 'ALL' AS category, a.* FROM assessed a
  UNION ALL SELECT 'KIND', kind, a.* FROM assessed a
  UNION ALL SELECT 'SIZE_CLASS', COALESCE(size_class, 'UNKNOWN'), a.* FROM assessed a
  UNION ALL SELECT 'INDUSTRY_GROUP', industry_group, a.* FROM assessed a
  UNION ALL SELECT 'TREND', CAST(:reporting_year AS STRING), a.* FROM assessed a
  UNION ALL
  SELECT
    'TREND', CAST(reporting_year AS STRING), employer_id, workers, women, managers, women_managers, female_ratio,
    manager_female_ratio, notified, NULL, NULL, NULL
  FROM earlier
),
ratios AS (
  SELECT
    breakdown,
    category,
    COUNT(DISTINCT employer_id) AS employers,
    COUNT(*) AS units,
    SUM(workers) AS workers,
    SUM(women) AS women,
    half_up(SUM(female_ratio), COUNT(female_ratio), 6) AS female_ratio_mean,
    half_up(SUM(women), SUM(workers), 6) AS female_ratio_pooled,
    COUNT(manager_female_ratio) AS units_with_managers,
    SUM(managers) AS managers,
    SUM(women_managers) AS women_managers,
    half_up(SUM(manager_female_ratio), COUNT(manager_female_ratio), 6) AS manager_female_ratio_mean,
    half_up(SUM(women_managers), SUM(managers), 6) AS manager_female_ratio_pooled,
    COUNT_IF(notified) AS notified_units
  FROM categorised
  GROUP BY breakdown, category
),
counts AS (
  SELECT 'OBLIGED' AS category, COUNT_IF(obligated) AS employers, CAST(NULL AS BIGINT) AS units
  FROM employer_status
  UNION ALL
  SELECT 'SUBMITTED', COUNT_IF(obligated AND accepted_workplaces > 0), NULL FROM employer_status
  UNION ALL
  SELECT 'NOTIFIED', COUNT(DISTINCT employer_id), COUNT(*) FROM units WHERE notified
  UNION ALL
  SELECT 'FINE_CASES', COUNT(DISTINCT employer_id), COUNT(*) FROM non_submitters
  UNION ALL
  SELECT 'NAMING_CANDIDATES', COUNT(DISTINCT employer_id), COUNT(*) FROM naming_candidates WHERE status = 'CANDIDATE'
  UNION ALL
  SELECT 'PUBLISHED', NULL, COUNT(*) FROM press_list
)
SELECT
  breakdown, category, employers, units, workers, women, female_ratio_mean, female_ratio_pooled, units_with_managers,
  managers, women_managers, manager_female_ratio_mean, manager_female_ratio_pooled, notified_units,
  :rule_version AS rule_version,
  :run_id AS run_id
FROM ratios
UNION ALL
SELECT
  'COUNT', category, employers, units, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  :rule_version, :run_id
FROM counts
