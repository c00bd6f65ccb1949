-- press_list: the units whose names are published (Decree Art. 7; docs/rules.md, "Written notice",
-- "Publication period"): candidates with a written notice and a decision to publish, both of year Y. The
-- notice counts only once year Y's failure is established (on or after the year's selection date); the
-- decision only when more than :notice_days days after it (Civil Act Art. 157: the notice's day is not
-- counted, so the employer has its :notice_days whole days). Published from the decision for
-- :publication_months months, ending as Civil Act Art. 160 counts them.
-- Exactly the fields of Decree Art. 7(3): the employer (for a corporation its name, address and
-- representative), the business place (the unit's workplace with the most workers), the unit's headcounts
-- and ratios, its industry and that industry's standards; nothing else about the employer.
WITH publication AS (
  SELECT p.employer_id, MIN(p.decided_on) AS published_from
  FROM ledger_actions p
  WHERE p.action = 'PUBLISH' AND p.year = :reporting_year
    AND EXISTS (
      SELECT 1 FROM ledger_actions n
      WHERE n.employer_id = p.employer_id AND n.action = 'NOTICE_SENT' AND n.year = :reporting_year
        AND n.decided_on >= CAST(:selection_date AS DATE)
        AND date_add(n.decided_on, :notice_days) < p.decided_on
    )
  GROUP BY p.employer_id
),
places AS (
  SELECT
    employer_id,
    industry_group,
    workplace_id,
    ROW_NUMBER() OVER (PARTITION BY employer_id, industry_group ORDER BY SUM(total) DESC, workplace_id) AS place_rank
  FROM submissions
  GROUP BY employer_id, industry_group, workplace_id
)
SELECT
  c.industry_group,
  c.employer_id,
  e.name AS employer_name,
  IF(e.corporation, e.name, NULL) AS corporation_name,
  IF(e.corporation, e.address, NULL) AS corporation_address,
  IF(e.corporation, e.representative, NULL) AS representative,
  w.name AS business_place_name,
  w.address AS business_place_address,
  c.workers,
  c.women,
  c.female_ratio,
  c.managers,
  c.women_managers,
  c.manager_female_ratio,
  g.name_ko AS industry,
  c.standard_female_ratio,
  c.standard_manager_female_ratio,
  p.published_from,
  last_day_of_months(p.published_from, :publication_months) AS published_until,
  :rule_version AS rule_version,
  :run_id AS run_id
FROM naming_candidates c
JOIN publication p ON p.employer_id = c.employer_id
JOIN employers e ON e.employer_id = c.employer_id
JOIN places pl ON pl.employer_id = c.employer_id AND pl.industry_group = c.industry_group AND pl.place_rank = 1
JOIN workplaces w ON w.employer_id = pl.employer_id AND w.workplace_id = pl.workplace_id
JOIN industry_groups g ON g.industry_group = c.industry_group
WHERE c.status = 'CANDIDATE'
