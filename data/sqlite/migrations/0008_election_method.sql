-- 0008: a committee election's 选举方式 (全体选民, 户代表, 居民代表): a 居民委员会 may be elected by
-- household or group representatives (城市居民委员会组织法 第八条), and its 应参加人数 then
-- counts them. '' is not given. Shipped migrations are never edited.

ALTER TABLE elections ADD COLUMN method TEXT NOT NULL DEFAULT ''
    CHECK (method IN ('', '全体选民', '户代表', '居民代表'));
