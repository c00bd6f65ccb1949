-- pay_indicators: one row per employer, the EU Pay Transparency Directive's Art. 9 figures over the
-- population: mean and median gaps; the gaps in variable pay among its recipients; the share of each
-- gender receiving variable pay; the share of women in each quartile band of total pay. Quartile bands
-- have equal counts, the remainder of n / 4 going one by one to the quartiles of the setting
-- pay.quartile_remainder (Q1, then Q4, then Q2); people of equal pay across a
-- band boundary are shared between the bands, their men and women in proportion (the bands are counted in
-- pay_figures). A figure needs the
-- minimum of each gender among the people it is computed over; an employer short of it shows none. Every
-- percentage is an exact fraction rounded once (docs/rules.md, "EU indicators").
WITH band_shares AS (
  -- the women of a band as the exact fraction employer_pay_figures counts (kr.aa.pay.EmployerPay)
  SELECT f.employer_id, q.quartile, half_up(q.women_numerator * 100, q.women_denominator * q.people, 2) AS women_pct
  FROM pay_figures f
  LATERAL VIEW INLINE(f.quartiles) q
),
quartiles AS (
  SELECT
    employer_id,
    MAX(IF(quartile = 1, women_pct, NULL)) AS q1_women_pct,
    MAX(IF(quartile = 2, women_pct, NULL)) AS q2_women_pct,
    MAX(IF(quartile = 3, women_pct, NULL)) AS q3_women_pct,
    MAX(IF(quartile = 4, women_pct, NULL)) AS q4_women_pct
  FROM band_shares
  GROUP BY employer_id
),
variable_pay AS (
  SELECT * FROM pay_comparisons WHERE breakdown = 'VARIABLE_PAID'
)
SELECT
  a.employer_id,
  a.employer_name,
  a.men,
  a.women,
  a.mean_gap_pct,
  a.median_gap_pct,
  IF(a.suppressed, NULL, v.mean_gap_pct) AS variable_mean_gap_pct,
  IF(a.suppressed, NULL, v.median_gap_pct) AS variable_median_gap_pct,
  IF(a.suppressed, NULL, half_up(COALESCE(v.men, 0) * 100, a.men, 2)) AS men_receiving_variable_pct,
  IF(a.suppressed, NULL, half_up(COALESCE(v.women, 0) * 100, a.women, 2)) AS women_receiving_variable_pct,
  IF(a.suppressed, NULL, q.q1_women_pct) AS q1_women_pct,
  IF(a.suppressed, NULL, q.q2_women_pct) AS q2_women_pct,
  IF(a.suppressed, NULL, q.q3_women_pct) AS q3_women_pct,
  IF(a.suppressed, NULL, q.q4_women_pct) AS q4_women_pct,
  a.suppressed,
  :rule_version AS rule_version,
  :run_id AS run_id
FROM pay_comparisons a
LEFT JOIN variable_pay v ON v.employer_id = a.employer_id
JOIN quartiles q ON q.employer_id = a.employer_id
WHERE a.breakdown = 'ALL'
