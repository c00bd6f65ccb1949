-- pay_indicators: one row per employer, the EU Pay Transparency Directive's Art. 9 figures over the
-- population: mean and median gaps; the gaps in variable pay among its recipients; the share of each
-- gender receiving variable pay; the share of women in each quartile band of total pay. Quartile bands
-- have equal counts, the remainder of n / 4 going one by one to the quartiles of the setting
-- pay.quartile_remainder (Q1, then Q4, then Q2); people of equal pay across a
-- band boundary are shared between the bands, their men and women in proportion. A figure needs the
-- minimum of each gender among the people it is computed over; an employer short of it shows none. Every
-- percentage is an exact fraction rounded once (docs/rules.md, "EU indicators").
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
    n DIV 4 + IF(n % 4 >= :q1_remainder_rank, 1, 0) AS q1_size,
    n DIV 4 + IF(n % 4 >= :q2_remainder_rank, 1, 0) AS q2_size,
    n DIV 4 + IF(n % 4 >= :q3_remainder_rank, 1, 0) AS q3_size
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
overlaps AS (
  SELECT
    *,
    GREATEST(0, LEAST(last_position, before + people) - GREATEST(first_position, before + 1) + 1) AS overlap,
    before + 1 < first_position AS across_lower_edge
  FROM banded
),
shares AS (
  -- the women of a band: those of the tie groups wholly in it, and a share of at most two groups across its
  -- edges (one across the lower edge, another across the upper), summed as one exact fraction
  SELECT
    employer_id,
    quartile,
    MAX(last_position - first_position + 1) AS band_size,
    SUM(IF(overlap = people, women, 0)) AS whole_women,
    COALESCE(MAX(IF(overlap BETWEEN 1 AND people - 1 AND across_lower_edge, overlap * women, NULL)), 0) AS lower_women,
    CAST(COALESCE(MAX(IF(overlap BETWEEN 1 AND people - 1 AND across_lower_edge, people, NULL)), 1)
         AS DECIMAL(20, 0)) AS lower_people,
    COALESCE(MAX(IF(overlap BETWEEN 1 AND people - 1 AND NOT across_lower_edge, overlap * women, NULL)), 0)
      AS upper_women,
    CAST(COALESCE(MAX(IF(overlap BETWEEN 1 AND people - 1 AND NOT across_lower_edge, people, NULL)), 1)
         AS DECIMAL(20, 0)) AS upper_people
  FROM overlaps
  GROUP BY employer_id, quartile
),
band_shares AS (
  SELECT
    employer_id,
    quartile,
    half_up((whole_women * lower_people * upper_people + lower_women * upper_people + upper_women * lower_people)
            * 100, band_size * lower_people * upper_people, 2) AS women_pct
  FROM shares
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
