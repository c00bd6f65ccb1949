-- units_counted: one row per assessed unit, an employer x industry group (domain §4, our reading): the
-- accepted cells of the employer's workplaces in one group, summed. Ratios per domain §5: women / workers
-- rounded half-up to 6 decimals, in decimal arithmetic; no workers or no managers, no ratio.
WITH counted AS (
  SELECT
    employer_id,
    industry_group,
    SUM(total) AS workers,
    SUM(women) AS women,
    SUM(IF(job_type = 0, total, 0)) AS managers,
    SUM(IF(job_type = 0, women, 0)) AS women_managers,
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
  ROUND(CAST(c.women AS DECIMAL(20, 0)) / NULLIF(c.workers, 0), 6) AS female_ratio,
  ROUND(CAST(c.women_managers AS DECIMAL(20, 0)) / NULLIF(c.managers, 0), 6) AS manager_female_ratio
FROM counted c
JOIN employer_status s ON s.employer_id = c.employer_id
