-- 延期 is limited (行政许可法 art. 42: once, unless the item's own law says otherwise): a case counts its extensions
-- and keeps the day of the last one, which the receipt prints beside the extended deadline.
ALTER TABLE CASE_FILE ADD COLUMN EXTENSIONS INT NOT NULL DEFAULT 0;
ALTER TABLE CASE_FILE ADD COLUMN EXTENDED_ON DATE;
-- Cases extended before: every extension wrote a history line starting 延期 (a cross-district copy's reads
-- "<district> 延期，…" and is not counted: the deciding district counts). The day stays unknown (NULL).
UPDATE CASE_FILE SET EXTENSIONS = (SELECT COUNT(*) FROM CASE_HISTORY h WHERE h.CASE_ID = CASE_FILE.ID AND h.NOTE LIKE '延期 %')
  WHERE EXTENDED_DAYS > 0;
