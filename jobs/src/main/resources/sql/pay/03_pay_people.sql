-- pay_people: one row per person in the disclosure's population (docs/rules.md, "Pay population"; settings in the rule
-- version's "pay"): well-formed rows of a registered employer, key not duplicated, gender F or M, at least
-- the minimum months worked (12: full-year workers), of an included employment type. Tenure is counted in
-- whole years at 31 December Y-1; total pay is the sum of the four components, variable pay all but base.
WITH population AS (
  SELECT p.employer_id, p.gender, p.employment_type, t.type_rank, p.level, p.job_type, p.hired_on,
         p.base_pay_krw, p.allowances_krw, p.performance_pay_krw, p.other_pay_krw
  FROM payroll p
  JOIN employers e ON e.employer_id = p.employer_id
  JOIN pay_employment_types t ON t.employment_type = p.employment_type
  LEFT ANTI JOIN duplicate_keys d ON d.employer_id = p.employer_id AND d.employee_key = p.employee_key
  WHERE p.gender IN ('F', 'M') AND p.months_worked >= :min_months_worked
),
measured AS (
  SELECT
    employer_id, gender, employment_type, type_rank, level, job_type,
    base_pay_krw, allowances_krw, performance_pay_krw, other_pay_krw,
    :pay_year - YEAR(CAST(hired_on AS DATE)) AS tenure_years,
    base_pay_krw + allowances_krw + performance_pay_krw + other_pay_krw AS total_pay,
    allowances_krw + performance_pay_krw + other_pay_krw AS variable_pay
  FROM population
)
SELECT m.*, b.tenure_band, b.band_rank
FROM measured m
JOIN tenure_bands b ON m.tenure_years >= b.min_years AND (b.max_years IS NULL OR m.tenure_years < b.max_years)
