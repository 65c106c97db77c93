-- No query reads the cards by colour: the board reads them all and sorts and filters them itself. The index only cost
-- every card written an index entry more, and every morning's change of the days left an entry removed and added
-- (issue 21: the supervision run over 100,000 open cases).
DROP INDEX IX_CARD_COLOR;
