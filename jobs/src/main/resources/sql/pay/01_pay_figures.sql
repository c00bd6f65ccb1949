-- pay_figures: one row per employer of the payroll, every pay figure of its disclosure computed from all its rows
-- in one pass (employer_pay_figures, kr.aa.pay.EmployerPay). Its rows are the well-formed payroll rows, counted
-- where they are in the population (docs/rules.md, "Pay population"; settings in the rule version's "pay"): of a
-- registered employer, gender F or M, at least the minimum months worked (12: full-year workers), of an included
-- employment type, with a tenure band; and the rows broken on their own (in payroll_row_rejections once per rule
-- they broke), whose keys count too when the function finds the keys an employer uses on more than one row
-- (DUPLICATE_EMPLOYEE), whose rows it leaves out. Tenure is counted in whole years at 31 December Y-1.
WITH tenured AS (
  SELECT *, :pay_year - YEAR(CAST(hired_on AS DATE)) AS tenure_years
  FROM payroll
),
keyed_rows AS (
  SELECT
    p.employer_id,
    STRUCT(
      p.line, p.employee_key,
      e.employer_id IS NOT NULL AND t.employment_type IS NOT NULL AND b.tenure_band IS NOT NULL
        AND p.gender IN ('F', 'M') AND p.months_worked >= :min_months_worked AS counted,
      p.gender, p.level, CAST(p.job_type AS STRING) AS job_type, b.tenure_band, b.band_rank, p.employment_type,
      t.type_rank, p.tenure_years, p.base_pay_krw, p.allowances_krw, p.performance_pay_krw, p.other_pay_krw
    ) AS payroll_row
  FROM tenured p
  LEFT JOIN employers e ON e.employer_id = p.employer_id
  LEFT JOIN pay_employment_types t ON t.employment_type = p.employment_type
  LEFT JOIN tenure_bands b
    ON p.tenure_years >= b.min_years AND (b.max_years IS NULL OR p.tenure_years < b.max_years)
  UNION ALL
  SELECT DISTINCT
    employer_id,
    STRUCT(
      line, employee_key, FALSE AS counted, CAST(NULL AS STRING) AS gender, CAST(NULL AS STRING) AS level,
      CAST(NULL AS STRING) AS job_type, CAST(NULL AS STRING) AS tenure_band, CAST(NULL AS INT) AS band_rank,
      CAST(NULL AS STRING) AS employment_type, CAST(NULL AS INT) AS type_rank, CAST(NULL AS INT) AS tenure_years,
      CAST(NULL AS BIGINT) AS base_pay_krw, CAST(NULL AS BIGINT) AS allowances_krw,
      CAST(NULL AS BIGINT) AS performance_pay_krw, CAST(NULL AS BIGINT) AS other_pay_krw
    ) AS payroll_row
  FROM payroll_row_rejections
),
figured AS (
  SELECT
    employer_id,
    employer_pay_figures(COLLECT_LIST(payroll_row), :q1_remainder_rank, :q2_remainder_rank, :q3_remainder_rank)
      AS figures
  FROM keyed_rows
  GROUP BY employer_id
)
SELECT employer_id, figures.*
FROM figured
