-- non_submitters: one row per employer and reason it owes the ministry a submission (003 Art. 39(3) 2-4):
--   NOT_SUBMITTED         obligated, and submitted no table at all;
--   REJECTED              obligated, and every latest table of its workplaces was rejected;
--   NO_PLAN               a unit of it was notified in Y-1, and no plan of plan year Y-1 came by its due date;
--   NO_PERFORMANCE_REPORT it has a plan of plan year Y-2, and no report on it came by its due date.
WITH headcount AS (
  SELECT
    s.employer_id,
    IF(r.employer_id IS NULL, 'NOT_SUBMITTED', 'REJECTED') AS reason
  FROM employer_status s
  LEFT JOIN (SELECT DISTINCT employer_id FROM rejections) r ON r.employer_id = s.employer_id
  WHERE s.obligated
    AND NOT EXISTS (SELECT 1 FROM submissions a WHERE a.employer_id = s.employer_id)
),
no_plan AS (
  SELECT DISTINCT u.employer_id, 'NO_PLAN' AS reason
  FROM ledger_assessed_units u
  WHERE u.reporting_year = :plan_year
    AND u.notified
    AND NOT EXISTS (
      SELECT 1 FROM ledger_plans p WHERE p.employer_id = u.employer_id AND p.plan_year = :plan_year AND p.on_time
    )
),
no_report AS (
  SELECT DISTINCT p.employer_id, 'NO_PERFORMANCE_REPORT' AS reason
  FROM ledger_plans p
  WHERE p.plan_year = :report_year
    AND NOT EXISTS (
      SELECT 1 FROM ledger_performance_reports r
      WHERE r.employer_id = p.employer_id AND r.plan_year = :report_year AND r.on_time
    )
),
owed AS (
  SELECT * FROM headcount
  UNION ALL SELECT * FROM no_plan
  UNION ALL SELECT * FROM no_report
)
SELECT
  o.employer_id,
  COALESCE(n.employer_name, '') AS employer_name,
  s.regular_workforce,
  o.reason,
  :max_fine_krw AS max_fine_krw,
  :rule_version AS rule_version,
  :run_id AS run_id
FROM owed o
LEFT JOIN employer_names n ON n.employer_id = o.employer_id
LEFT JOIN employer_status s ON s.employer_id = o.employer_id
