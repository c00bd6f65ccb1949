-- notifications: one row per notified unit, with what the 1 August notice states (docs/rules.md, "Notification"): both
-- ratios, averages and standards, the criterion that hit, the notification date and the plan due date; and how far
-- each ratio the unit was selected on falls below its standard, so that a letter states it from the published figures.
SELECT
  *,
  CAST(NULLIF(:notify_by, '') AS DATE) AS notify_by,
  CAST(:plan_due AS DATE) AS plan_due,
  CASE WHEN selected_on IN ('FEMALE', 'BOTH') THEN standard_female_ratio - female_ratio END AS female_ratio_shortfall,
  CASE WHEN selected_on IN ('MANAGER', 'BOTH')
    THEN standard_manager_female_ratio - manager_female_ratio END AS manager_female_ratio_shortfall
FROM units
WHERE notified
