-- units_counted: one row per assessed unit, an employer x industry group (docs/rules.md, "Assessed unit"): the
-- accepted cells of the employer's workplaces in one group, summed. Ratios (docs/rules.md, "Ratios" and
-- "Arithmetic"): women / workers, exactly, half-up to 6 decimals; no workers or no managers, no ratio.
WITH counted AS (
  SELECT
    employer_id,
    industry_group,
    SUM(total) AS workers,
    SUM(women) AS women,
    SUM(IF(job_type = :managers_job_type, total, 0)) AS managers,
    SUM(IF(job_type = :managers_job_type, women, 0)) AS women_managers,
    BOOL_OR(late) AS late
  FROM submissions
  GROUP BY employer_id, industry_group
)
SELECT
  c.employer_id,
  s.employer_name,
  c.industry_group,
  s.size_class,
  s.regular_workforce,
  s.obligated,
  c.late,
  c.workers,
  c.women,
  c.managers,
  c.women_managers,
  half_up(c.women, c.workers, 6) AS female_ratio,
  half_up(c.women_managers, c.managers, 6) AS manager_female_ratio
FROM counted c
JOIN employer_status s ON s.employer_id = c.employer_id
