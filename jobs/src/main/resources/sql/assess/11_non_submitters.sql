-- non_submitters: one row per employer and reason it owes the ministry a submission (Act Art. 39(3) 2-4;
-- docs/rules.md, "Fine cases"):
--   NOT_SUBMITTED           obliged, and submitted no table at all;
--   REJECTED                obliged, and every latest table of its workplaces was rejected;
--   PARTLY_REJECTED         obliged, some workplaces' latest tables accepted and some rejected;
--   NO_PLAN / LATE_PLAN     a unit of it was notified in Y-1, and no plan of plan year Y-1 came at all / none
--                           came by the due date;
--   NO_PERFORMANCE_REPORT / LATE_PERFORMANCE_REPORT
--                           it made a required plan of plan year Y-2 (a unit of it was notified in Y-2), and
--                           no report on it came at all / none came by the due date. A voluntary plan owes
--                           no report that a fine could follow (Act Art. 39(3)4).
-- An employer whose obligation cannot be decided (no workforce known) is in registry_gaps, not here.
WITH headcount AS (
  SELECT
    employer_id,
    CASE
      WHEN accepted_workplaces = 0 AND rejected_workplaces = 0 THEN 'NOT_SUBMITTED'
      WHEN accepted_workplaces = 0 THEN 'REJECTED'
      WHEN rejected_workplaces > 0 THEN 'PARTLY_REJECTED'
    END AS reason
  FROM employer_status
  WHERE obligated
),
notified AS (
  SELECT DISTINCT reporting_year, employer_id
  FROM ledger_assessed_units
  WHERE notified AND reporting_year IN (:plan_year, :report_year)
),
plans AS (
  SELECT plan_year, employer_id, BOOL_OR(on_time) AS on_time
  FROM ledger_plans
  WHERE plan_year IN (:plan_year, :report_year)
  GROUP BY plan_year, employer_id
),
reports AS (
  SELECT employer_id, BOOL_OR(on_time) AS on_time
  FROM ledger_performance_reports
  WHERE plan_year = :report_year
  GROUP BY employer_id
),
plan_owed AS (
  SELECT n.employer_id, IF(p.employer_id IS NULL, 'NO_PLAN', 'LATE_PLAN') AS reason
  FROM notified n
  LEFT JOIN plans p ON p.employer_id = n.employer_id AND p.plan_year = :plan_year
  WHERE n.reporting_year = :plan_year AND COALESCE(NOT p.on_time, TRUE)
),
report_owed AS (
  SELECT p.employer_id, IF(r.employer_id IS NULL, 'NO_PERFORMANCE_REPORT', 'LATE_PERFORMANCE_REPORT') AS reason
  FROM plans p
  JOIN notified n ON n.employer_id = p.employer_id AND n.reporting_year = :report_year
  LEFT JOIN reports r ON r.employer_id = p.employer_id
  WHERE p.plan_year = :report_year AND COALESCE(NOT r.on_time, TRUE)
),
owed AS (
  SELECT * FROM headcount WHERE reason IS NOT NULL
  UNION ALL SELECT * FROM plan_owed
  UNION ALL SELECT * FROM report_owed
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
