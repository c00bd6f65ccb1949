-- pay_context: one row per employer, what Seoul shows beside the gap (domain §8): headcounts and the female
-- share, average tenure by gender (empty below the suppression minimum) and the share of women among
-- levels I and II.
SELECT
  p.employer_id,
  e.name AS employer_name,
  COUNT_IF(gender = 'M') AS men,
  COUNT_IF(gender = 'F') AS women,
  ROUND(CAST(COUNT_IF(gender = 'F') AS DECIMAL(20, 0)) * 100 / COUNT(*), 2) AS female_pct,
  IF(COUNT_IF(gender = 'M') < :suppression_minimum, NULL,
     ROUND(CAST(SUM(IF(gender = 'M', tenure_years, 0)) AS DECIMAL(20, 0)) / COUNT_IF(gender = 'M'), 1)) AS avg_tenure_men,
  IF(COUNT_IF(gender = 'F') < :suppression_minimum, NULL,
     ROUND(CAST(SUM(IF(gender = 'F', tenure_years, 0)) AS DECIMAL(20, 0)) / COUNT_IF(gender = 'F'), 1)) AS avg_tenure_women,
  ROUND(CAST(COUNT_IF(gender = 'F' AND level IN ('I', 'II')) AS DECIMAL(20, 0)) * 100
        / NULLIF(COUNT_IF(level IN ('I', 'II')), 0), 2) AS women_in_levels_i_ii_pct,
  :rule_version AS rule_version,
  :run_id AS run_id
FROM pay_people p
JOIN employers e ON e.employer_id = p.employer_id
GROUP BY p.employer_id, e.name
