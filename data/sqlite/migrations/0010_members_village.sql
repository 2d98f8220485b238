-- 0010: members by village in listing order (issue 19). A township's members are read
-- village by village (Store.EachTownship); through the unique index they come in ID-number
-- order and SQLite sorted each village's members by round and id in a temporary B-tree.
-- This index gives them in listing order, so the rows are read without that sort and the
-- table is visited in rowid order: the members' read of a province's figures takes a third
-- less CPU, for about 2% more file. Shipped migrations are never edited.

CREATE INDEX members_village ON members (village_id, round, id);
