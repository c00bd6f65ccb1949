-- non_submitters: one row per obligated employer with no accepted table (003 Art. 39(3) 2): NOT_SUBMITTED
-- when it submitted no table at all, REJECTED when every latest table of its workplaces was rejected.
SELECT
  s.employer_id,
  s.employer_name,
  s.regular_workforce,
  IF(r.employer_id IS NULL, 'NOT_SUBMITTED', 'REJECTED') AS reason,
  :max_fine_krw AS max_fine_krw,
  :rule_version AS rule_version,
  :run_id AS run_id
FROM employer_status s
LEFT JOIN (SELECT DISTINCT employer_id FROM rejections) r ON r.employer_id = s.employer_id
WHERE s.obligated
  AND NOT EXISTS (SELECT 1 FROM submissions a WHERE a.employer_id = s.employer_id)
