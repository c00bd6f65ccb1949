-- latest_plans: each employer's latest plan of each plan year; a resubmitted plan replaces the earlier
-- (as a resubmitted headcount table does). Ties on the instant are broken on the figures, so that the
-- choice never depends on the order of the input.
SELECT *
FROM (
  SELECT
    p.*,
    ROW_NUMBER() OVER (
      PARTITION BY employer_id, plan_year
      ORDER BY submitted_ms DESC, submitted_at DESC, current_women, current_women_managers, target_women,
        target_women_managers
    ) AS latest_rank
  FROM ledger_plans p
)
WHERE latest_rank = 1
