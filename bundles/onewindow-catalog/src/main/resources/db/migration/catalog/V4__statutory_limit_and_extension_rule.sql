-- 法定时限: the statutory limit in working days beside the promised one (TIME_LIMIT_DAYS, 承诺时限), which may not
-- exceed it. NULL for items imported before it was a field: not known, shown as not given, never guessed.
ALTER TABLE CATALOG_ITEM ADD COLUMN STATUTORY_LIMIT_DAYS INT;
-- 延期: how often and how far a case's limit may be extended, and the provision that says so. NULL (all three)
-- means the item names no rule of its own: the art. 42 rule of the Administrative Licensing Law applies.
ALTER TABLE CATALOG_ITEM ADD COLUMN EXTENSION_TIMES INT;
ALTER TABLE CATALOG_ITEM ADD COLUMN EXTENSION_MAX_DAYS INT;
ALTER TABLE CATALOG_ITEM ADD COLUMN EXTENSION_BASIS VARCHAR(1000);
