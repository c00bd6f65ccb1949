-- pay_indicators: one row per employer, the EU Pay Transparency Directive's Art. 9 figures over the
-- population: mean and median gaps; the gaps in variable pay among its recipients; the share of each
-- gender receiving variable pay; the share of women in each quartile band of total pay. Quartile bands
-- have equal counts, the remainder of n / 4 going to Q1, then Q4, then Q2; people of equal pay across a
-- band boundary are shared between the bands, their men and women in proportion. A figure needs the
-- minimum of each gender among the people it is computed over; an employer short of it shows none.
WITH ties AS (
  -- distributed by employer once, for both the grouping and the running count
  SELECT employer_id, total_pay, COUNT(*) AS people, COUNT_IF(gender = 'F') AS women
  FROM (SELECT employer_id, total_pay, gender FROM pay_people DISTRIBUTE BY employer_id)
  GROUP BY employer_id, total_pay
),
positioned AS (
  SELECT
    *,
    COALESCE(SUM(people) OVER (PARTITION BY employer_id ORDER BY total_pay
                               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
    SUM(people) OVER (PARTITION BY employer_id) AS n
  FROM ties
),
sized AS (
  SELECT
    *,
    n DIV 4 + IF(n % 4 >= 1, 1, 0) AS q1_size,
    n DIV 4 + IF(n % 4 >= 3, 1, 0) AS q2_size,
    n DIV 4 AS q3_size
  FROM positioned
),
banded AS (
  SELECT employer_id, quartile, first_position, last_position, people, women, before
  FROM sized
  LATERAL VIEW STACK(4,
    1, 1L, q1_size,
    2, q1_size + 1, q1_size + q2_size,
    3, q1_size + q2_size + 1, q1_size + q2_size + q3_size,
    4, q1_size + q2_size + q3_size + 1, n
  ) b AS quartile, first_position, last_position
),
shares AS (
  SELECT
    employer_id,
    quartile,
    MAX(last_position - first_position + 1) AS band_size,
    SUM(CAST(GREATEST(0, LEAST(last_position, before + people) - GREATEST(first_position, before + 1) + 1) * women
             AS DECIMAL(38, 0)) / people) AS band_women
  FROM banded
  GROUP BY employer_id, quartile
),
quartiles AS (
  SELECT
    employer_id,
    MAX(IF(quartile = 1, ROUND(band_women * 100 / NULLIF(band_size, 0), 2), NULL)) AS q1_women_pct,
    MAX(IF(quartile = 2, ROUND(band_women * 100 / NULLIF(band_size, 0), 2), NULL)) AS q2_women_pct,
    MAX(IF(quartile = 3, ROUND(band_women * 100 / NULLIF(band_size, 0), 2), NULL)) AS q3_women_pct,
    MAX(IF(quartile = 4, ROUND(band_women * 100 / NULLIF(band_size, 0), 2), NULL)) AS q4_women_pct
  FROM shares
  GROUP BY employer_id
),
variable_pay AS (
  SELECT * FROM pay_gaps WHERE breakdown = 'VARIABLE_PAID'
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
  IF(a.suppressed, NULL, ROUND(CAST(COALESCE(v.men, 0) AS DECIMAL(20, 0)) * 100 / a.men, 2)) AS men_receiving_variable_pct,
  IF(a.suppressed, NULL, ROUND(CAST(COALESCE(v.women, 0) AS DECIMAL(20, 0)) * 100 / a.women, 2)) AS women_receiving_variable_pct,
  IF(a.suppressed, NULL, q.q1_women_pct) AS q1_women_pct,
  IF(a.suppressed, NULL, q.q2_women_pct) AS q2_women_pct,
  IF(a.suppressed, NULL, q.q3_women_pct) AS q3_women_pct,
  IF(a.suppressed, NULL, q.q4_women_pct) AS q4_women_pct,
  a.suppressed,
  :rule_version AS rule_version,
  :run_id AS run_id
FROM pay_gaps a
LEFT JOIN variable_pay v ON v.employer_id = a.employer_id
JOIN quartiles q ON q.employer_id = a.employer_id
WHERE a.breakdown = 'ALL'
