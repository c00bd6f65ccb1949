-- press_list: the units whose names are published (domain §7; Decree Art. 7): candidates with a written
-- notice at least :notice_days days before a decision to publish, both of year Y; published from that
-- decision for :publication_months months (the month's last day where the same date does not exist).
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
        AND date_add(n.decided_on, :notice_days) <= p.decided_on
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
  add_months(p.published_from, :publication_months) AS published_until,
  :rule_version AS rule_version,
  :run_id AS run_id
FROM naming_candidates c
JOIN publication p ON p.employer_id = c.employer_id
JOIN employers e ON e.employer_id = c.employer_id
JOIN places pl ON pl.employer_id = c.employer_id AND pl.industry_group = c.industry_group AND pl.place_rank = 1
JOIN workplaces w ON w.employer_id = pl.employer_id AND w.workplace_id = pl.workplace_id
JOIN industry_groups g ON g.industry_group = c.industry_group
WHERE c.status = 'CANDIDATE'
