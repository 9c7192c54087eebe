-- Baseline; the booking schema follows in later migrations.
CREATE TABLE schema_baseline (id int PRIMARY KEY);
