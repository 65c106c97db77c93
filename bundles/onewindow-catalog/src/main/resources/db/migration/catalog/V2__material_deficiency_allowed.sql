-- 容缺受理: a material a case may be accepted without, to be handed in later.
ALTER TABLE CATALOG_MATERIAL ADD COLUMN DEFICIENCY_ALLOWED SMALLINT NOT NULL DEFAULT 0;
