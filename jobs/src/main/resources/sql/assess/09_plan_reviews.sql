-- plan_reviews: the plans of plan year Y-1, answering the notifications of Y-1 (docs/rules.md, "Supplement
-- requested"). A plan whose target for all women or for women managers is at or below its current figure
-- is flagged for a supplement (our reading of Act Art. 17-3(4)'s "meaninglessly low"). The request goes out
-- with the year's selection, so the answer is due the rule version's answer period after that day (Rule
-- Art. 10-5: the period runs from the request).
WITH reviewed AS (
  SELECT
    p.*,
    p.target_women <= p.current_women OR p.target_women_managers <= p.current_women_managers AS supplement_requested
  FROM latest_plans p
  WHERE p.plan_year = :plan_year
)
SELECT
  r.employer_id,
  COALESCE(n.employer_name, '') AS employer_name,
  r.plan_year,
  r.submitted_at,
  r.current_women,
  r.target_women,
  r.current_women_managers,
  r.target_women_managers,
  r.supplement_requested,
  IF(r.supplement_requested, date_add(CAST(:selection_date AS DATE), :supplement_answer_days), NULL) AS answer_due,
  :rule_version AS rule_version,
  :run_id AS run_id
FROM reviewed r
LEFT JOIN employer_names n ON n.employer_id = r.employer_id
