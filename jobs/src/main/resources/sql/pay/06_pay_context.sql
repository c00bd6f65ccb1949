-- pay_context: one row per employer, what Seoul shows beside the gap (docs/rules.md, "Pay context"):
-- headcounts and the female share, average tenure by gender (empty below the suppression minimum) and the
-- share of women among levels I and II, each an exact fraction rounded once.
WITH levels_i_ii AS (
  SELECT f.employer_id, SUM(g.women) AS women, SUM(g.men + g.women) AS people
  FROM pay_figures f
  LATERAL VIEW INLINE(f.groups) g
  WHERE g.breakdown = 'LEVEL' AND g.category IN ('I', 'II')
  GROUP BY f.employer_id
),
everyone AS (
  SELECT f.employer_id, g.men, g.women, f.tenure_years_men, f.tenure_years_women
  FROM pay_figures f
  LATERAL VIEW INLINE(f.groups) g
  WHERE g.breakdown = 'ALL'
)
SELECT
  a.employer_id,
  e.name AS employer_name,
  a.men,
  a.women,
  half_up(a.women * 100, a.men + a.women, 2) AS female_pct,
  IF(a.men < :suppression_minimum, NULL, half_up(a.tenure_years_men, a.men, 1)) AS avg_tenure_men,
  IF(a.women < :suppression_minimum, NULL, half_up(a.tenure_years_women, a.women, 1)) AS avg_tenure_women,
  half_up(l.women * 100, l.people, 2) AS women_in_levels_i_ii_pct,
  :rule_version AS rule_version,
  :run_id AS run_id
FROM everyone a
JOIN employers e ON e.employer_id = a.employer_id
LEFT JOIN levels_i_ii l ON l.employer_id = a.employer_id
