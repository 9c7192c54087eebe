-- Baseline; the notification schema follows in later migrations.
CREATE TABLE schema_baseline (id int PRIMARY KEY);
