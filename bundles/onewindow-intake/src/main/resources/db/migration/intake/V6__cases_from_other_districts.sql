-- 全市通办: a case another district accepted and handed over through the city hub keeps that district's
-- number; these say whose it is and which of its deliveries this district answers.
ALTER TABLE CASE_FILE ADD COLUMN ORIGIN_DISTRICT CHAR(6);
ALTER TABLE CASE_FILE ADD COLUMN ORIGIN_DELIVERY VARCHAR(80);
-- When the district deciding a case handed over through the hub confirmed it has it.
ALTER TABLE CASE_HANDOVER ADD COLUMN ACKNOWLEDGED_AT TIMESTAMP;
