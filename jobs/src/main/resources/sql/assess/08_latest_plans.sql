-- latest_plans: each employer's latest plan of each plan year, which replaces the earlier ones as a resubmitted
-- headcount table does; marked when the ledger is staged, by the one rule for every submission (docs/rules.md,
-- "Latest plan or report replaces earlier ones").
SELECT *
FROM ledger_plans
WHERE latest
