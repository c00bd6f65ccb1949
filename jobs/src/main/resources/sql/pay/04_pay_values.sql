-- pay_values: each person once per breakdown of pay_gap.csv (ALL, LEVEL, JOB_TYPE, TENURE, EMPLOYMENT_TYPE
-- on total pay; COMPONENT on each component), and once more among the recipients of variable pay, whose
-- gap the EU Directive asks for (Art. 9). The people are distributed by employer first, so that the
-- statistics, grouped by employer and more, need no second shuffle of the nine-fold rows.
WITH people AS (
  SELECT * FROM pay_people DISTRIBUTE BY employer_id
)
SELECT employer_id, gender, breakdown, category, breakdown_rank, category_rank, pay
FROM people
LATERAL VIEW STACK(9,
  'ALL', 'ALL', 0, 0, total_pay,
  'LEVEL', level, 1, 0, total_pay,
  'JOB_TYPE', CAST(job_type AS STRING), 2, 0, total_pay,
  'TENURE', tenure_band, 3, band_rank, total_pay,
  'EMPLOYMENT_TYPE', employment_type, 4, type_rank, total_pay,
  'COMPONENT', 'base_pay', 5, 0, base_pay_krw,
  'COMPONENT', 'allowances', 5, 1, allowances_krw,
  'COMPONENT', 'performance_pay', 5, 2, performance_pay_krw,
  'COMPONENT', 'other_pay', 5, 3, other_pay_krw
) v AS breakdown, category, breakdown_rank, category_rank, pay
UNION ALL
SELECT employer_id, gender, 'VARIABLE_PAID', 'ALL', 6, 0, variable_pay
FROM people
WHERE variable_pay > 0
