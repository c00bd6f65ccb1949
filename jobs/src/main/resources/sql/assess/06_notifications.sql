-- notifications: one row per notified unit, with what the 1 August notice states (docs/rules.md, "Notification"): both
-- ratios, averages and standards, the criterion that hit, the notification date and the plan due date.
SELECT
  *,
  CAST(NULLIF(:notify_by, '') AS DATE) AS notify_by,
  CAST(:plan_due AS DATE) AS plan_due
FROM units
WHERE notified
