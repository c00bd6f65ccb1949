-- registry_gaps: one row per registered employer whose regular workforce could not come from its monthly
-- counts (docs/rules.md, "Regular workforce", "NO_MONTHLY_COUNTS", "NO_WORKFORCE"): NO_MONTHLY_COUNTS with
-- the fallback that gave it, or NO_WORKFORCE where none did, saying what that means for its obligation.
SELECT
  employer_id,
  employer_name,
  IF(workforce_source IS NULL, 'NO_WORKFORCE', 'NO_MONTHLY_COUNTS') AS gap,
  CONCAT('no monthly count above zero in ', :workforce_year, '; ', CASE
    WHEN workforce_source = 'ACCEPTED_TABLES' THEN
      CONCAT('regular workforce ', regular_workforce, ': the workers of its accepted tables')
    WHEN workforce_source = 'DECLARED_HEADERS' THEN
      CONCAT('regular workforce ', regular_workforce,
             ': the workers the headers of its latest tables declare, none of them accepted')
    WHEN obligated IS NULL THEN
      'no table declares its workers either: whether it is obliged cannot be decided; send its monthly counts'
    WHEN obligated THEN
      'no table declares its workers either: obliged whatever its size, as its kind is'
    ELSE
      'no table declares its workers either: its kind is not obliged under the rule version'
  END) AS detail,
  :rule_version AS rule_version,
  :run_id AS run_id
FROM employer_status
WHERE workforce_source IS DISTINCT FROM 'MONTHLY_COUNTS'
