-- pay_context: one row per employer, what Seoul shows beside the gap (docs/rules.md, "Pay context"):
-- headcounts and the female share, average tenure by gender (empty below the suppression minimum) and the
-- share of women among levels I and II, each an exact fraction rounded once.
SELECT
  p.employer_id,
  e.name AS employer_name,
  COUNT_IF(gender = 'M') AS men,
  COUNT_IF(gender = 'F') AS women,
  half_up(COUNT_IF(gender = 'F') * 100, COUNT(*), 2) AS female_pct,
  IF(COUNT_IF(gender = 'M') < :suppression_minimum, NULL,
     half_up(SUM(IF(gender = 'M', tenure_years, 0)), COUNT_IF(gender = 'M'), 1)) AS avg_tenure_men,
  IF(COUNT_IF(gender = 'F') < :suppression_minimum, NULL,
     half_up(SUM(IF(gender = 'F', tenure_years, 0)), COUNT_IF(gender = 'F'), 1)) AS avg_tenure_women,
  half_up(COUNT_IF(gender = 'F' AND level IN ('I', 'II')) * 100, COUNT_IF(level IN ('I', 'II')), 2)
    AS women_in_levels_i_ii_pct,
  :rule_version AS rule_version,
  :run_id AS run_id
FROM pay_people p
JOIN employers e ON e.employer_id = p.employer_id
GROUP BY p.employer_id, e.name
