-- pay_comparisons: one row per employer, breakdown and category with anyone in it: both genders side by side and
-- the gaps, (men - women) / men x 100, each computed exactly and rounded once, half-up to 2 decimals, from
-- the exact medians and sums (docs/rules.md, "Pay gap"). Suppressed where either gender has fewer than the
-- minimum: then no pay and no gap is given. A gap is also empty where the men's figure is 0.
WITH sides AS (
  SELECT
    COALESCE(m.employer_id, w.employer_id) AS employer_id,
    COALESCE(m.breakdown, w.breakdown) AS breakdown,
    COALESCE(m.category, w.category) AS category,
    COALESCE(m.breakdown_rank, w.breakdown_rank) AS breakdown_rank,
    COALESCE(m.category_rank, w.category_rank) AS category_rank,
    COALESCE(m.people, 0) AS men,
    COALESCE(w.people, 0) AS women,
    m.median_pay AS median_men, w.median_pay AS median_women,
    CAST(m.pay_sum AS DECIMAL(38, 0)) AS sum_men, CAST(w.pay_sum AS DECIMAL(38, 0)) AS sum_women
  FROM (SELECT * FROM pay_stats WHERE gender = 'M') m
  FULL OUTER JOIN (SELECT * FROM pay_stats WHERE gender = 'F') w
    ON w.employer_id = m.employer_id AND w.breakdown = m.breakdown AND w.category = m.category
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
