-- An employer's name and a decision's note are text as the registry and the ministry write them: no length is
-- refused (a name of 2,000 characters failed the ledger's insert at publish; docs/rules.md, "Identifiers are data").
-- CHARACTER VARYING without a length is unbounded in PostgreSQL and in H2 alike.
ALTER TABLE assessed_units ALTER COLUMN employer_name SET DATA TYPE CHARACTER VARYING;
ALTER TABLE actions ALTER COLUMN note SET DATA TYPE CHARACTER VARYING;
