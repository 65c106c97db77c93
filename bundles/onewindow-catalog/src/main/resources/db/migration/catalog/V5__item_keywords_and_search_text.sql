-- Search keywords and synonyms of an item version (检索关键词, kept separated by |), and what the search matches:
-- code, name, keywords, and their full pinyin and initials, computed once per version (SearchText); the versions
-- imported before this get theirs at the next start.
ALTER TABLE CATALOG_ITEM ADD COLUMN KEYWORDS VARCHAR(500);
ALTER TABLE CATALOG_ITEM ADD COLUMN SEARCH_TEXT VARCHAR(16000);
