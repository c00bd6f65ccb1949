-- pay_gap: the gaps by breakdown as published (pay_gap.csv): every breakdown but the recipients of variable pay.
SELECT *
FROM pay_comparisons
WHERE breakdown <> 'VARIABLE_PAID'
