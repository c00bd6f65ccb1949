-- pay_comparisons: one row per employer, breakdown and category with anyone in it: both genders side by side and
-- the gaps, (men - women) / men x 100, each computed exactly and rounded once, half-up to 2 decimals, from
-- the exact medians and sums (docs/rules.md, "Pay gap"). Suppressed where either gender has fewer than the
-- minimum: then no pay and no gap is given. A gap is also empty where the men's figure is 0.
WITH sides AS (
  SELECT
    f.employer_id, g.breakdown, g.category, g.breakdown_rank, g.category_rank, g.men, g.women,
    g.median_pay_men AS median_men, g.median_pay_women AS median_women,
    CAST(g.pay_sum_men AS DECIMAL(38, 0)) AS sum_men, CAST(g.pay_sum_women AS DECIMAL(38, 0)) AS sum_women
  FROM pay_figures f
  LATERAL VIEW INLINE(f.groups) g
),
disclosed AS (
  SELECT *, men < :suppression_minimum OR women < :suppression_minimum AS suppressed
  FROM sides
)
SELECT
  d.employer_id,
  e.name AS employer_name,
  d.breakdown, d.category, d.breakdown_rank, d.category_rank, d.men, d.women,
  IF(suppressed, NULL, ROUND(median_men, 0)) AS median_pay_men,
  IF(suppressed, NULL, ROUND(median_women, 0)) AS median_pay_women,
  IF(suppressed, NULL, half_up((median_men - median_women) * 100, median_men, 2)) AS median_gap_pct,
  IF(suppressed, NULL, half_up(sum_men, men, 0)) AS mean_pay_men,
  IF(suppressed, NULL, half_up(sum_women, women, 0)) AS mean_pay_women,
  IF(suppressed, NULL, half_up((sum_men * women - sum_women * men) * 100, sum_men * women, 2)) AS mean_gap_pct,
  suppressed,
  :rule_version AS rule_version,
  :run_id AS run_id
FROM disclosed d
JOIN employers e ON e.employer_id = d.employer_id
