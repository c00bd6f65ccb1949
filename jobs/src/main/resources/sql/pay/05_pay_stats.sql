-- pay_stats: one row per employer, breakdown, category and gender: the people, the sum of their pay and the
-- exact median (of an even count, the mean of the two middle values), in decimal.
WITH sorted AS (
  SELECT
    employer_id, breakdown, category, breakdown_rank, category_rank, gender,
    COUNT(*) AS people,
    SUM(pay) AS pay_sum,
    SORT_ARRAY(COLLECT_LIST(pay)) AS pays
  FROM pay_values
  GROUP BY employer_id, breakdown, category, breakdown_rank, category_rank, gender
)
SELECT
  employer_id, breakdown, category, breakdown_rank, category_rank, gender, people, pay_sum,
  CAST(ELEMENT_AT(pays, CAST((people + 1) DIV 2 AS INT)) + ELEMENT_AT(pays, CAST(people DIV 2 + 1 AS INT))
       AS DECIMAL(20, 0)) / 2 AS median_pay
FROM sorted
