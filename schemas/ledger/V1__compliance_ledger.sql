-- The compliance ledger (domain §6-§7, data contract "Input and output: compliance over the years"):
-- what each cycle decided and what employers and the ministry did, kept across the years.
-- Portable SQL: H2 (the embedded default) and PostgreSQL (production) run it as it is.

-- Each reporting year's assessed units and the decision on them, written by the cycle's publish step
-- (run_id 'import' for the history of years before the pipeline existed).
CREATE TABLE assessed_units (
  reporting_year                INTEGER      NOT NULL,
  employer_id                   VARCHAR(64)  NOT NULL,
  industry_group                VARCHAR(16)  NOT NULL,
  employer_name                 VARCHAR(400) NOT NULL,
  size_class                    VARCHAR(64),
  workers                       BIGINT       NOT NULL,
  women                         BIGINT       NOT NULL,
  managers                      BIGINT       NOT NULL,
  women_managers                BIGINT       NOT NULL,
  female_ratio                  DECIMAL(7,6),
  manager_female_ratio          DECIMAL(7,6),
  standard_female_ratio         DECIMAL(7,6),
  standard_manager_female_ratio DECIMAL(7,6),
  obligated                     BOOLEAN      NOT NULL,
  notified                      BOOLEAN      NOT NULL,
  selected_on                   VARCHAR(8),
  rule_version                  VARCHAR(64)  NOT NULL,
  run_id                        VARCHAR(64)  NOT NULL,
  PRIMARY KEY (reporting_year, employer_id, industry_group)
);

-- Every record below keeps its source: 'bundle Y' (the bundle of reporting year Y brought it; a rerun of Y
-- replaces them), 'recorded' (entered with ./aa record) or 'import' (history).

CREATE TABLE plans (
  employer_id            VARCHAR(64) NOT NULL,
  plan_year              INTEGER     NOT NULL,
  submitted_at           VARCHAR(40) NOT NULL,
  current_women          BIGINT      NOT NULL,
  current_women_managers BIGINT      NOT NULL,
  target_women           BIGINT      NOT NULL,
  target_women_managers  BIGINT      NOT NULL,
  source                 VARCHAR(32) NOT NULL
);
CREATE INDEX plans_by_source ON plans (source);

CREATE TABLE performance_reports (
  employer_id           VARCHAR(64) NOT NULL,
  plan_year             INTEGER     NOT NULL,
  submitted_at          VARCHAR(40) NOT NULL,
  actual_women          BIGINT      NOT NULL,
  actual_women_managers BIGINT      NOT NULL,
  source                VARCHAR(32) NOT NULL
);
CREATE INDEX performance_reports_by_source ON performance_reports (source);

-- Recorded decisions: urges and whether they were followed, the Decree Art. 6 exceptions, the written
-- notice and the decision to publish.
CREATE TABLE actions (
  employer_id VARCHAR(64)   NOT NULL,
  action_year INTEGER       NOT NULL,
  action      VARCHAR(32)   NOT NULL,
  decided_on  DATE          NOT NULL,
  note        VARCHAR(2000) NOT NULL,
  source      VARCHAR(32)   NOT NULL
);
CREATE INDEX actions_by_source ON actions (source);
