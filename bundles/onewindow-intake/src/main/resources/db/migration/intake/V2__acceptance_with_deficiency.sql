-- 容缺受理: the materials a case was accepted without, to be handed in later.
ALTER TABLE CASE_FILE ADD COLUMN DEFICIENT_MATERIALS VARCHAR(1000);
