-- 0002: two-committee members, township leaderships, the party-organization ledger,
-- complaints (信访举报) and talks (约谈). Shipped migrations are never edited.
--
-- Enumerated columns accept '' besides their values: "not given" is the rules' business
-- (data.*.Validate), the CHECKs only keep foreign spellings out of the file.
-- The "one 书记 and one 主任 per village and round" rule is enforced by the store, not by a
-- unique index: an import that swaps two members' posts would trip an index half-way.

CREATE TABLE members (
    id             INTEGER PRIMARY KEY,
    village_id     INTEGER NOT NULL REFERENCES villages (id),
    round          INTEGER NOT NULL,
    name           TEXT NOT NULL,
    id_number      TEXT NOT NULL,
    gender         TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', '男', '女')),
    birth          TEXT CHECK (birth IS NULL OR birth GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    ethnicity      TEXT NOT NULL DEFAULT '',
    education      TEXT NOT NULL DEFAULT '' CHECK (education IN ('', '初中及以下', '高中中专', '大专', '本科及以上')),
    political      TEXT NOT NULL DEFAULT '' CHECK (political IN ('', '中共党员', '预备党员', '群众', '其他')),
    party_post     TEXT NOT NULL DEFAULT '' CHECK (party_post IN ('', '书记', '副书记', '委员')),
    committee_post TEXT NOT NULL DEFAULT '' CHECK (committee_post IN ('', '主任', '副主任', '委员')),
    tenure         TEXT NOT NULL DEFAULT '' CHECK (tenure IN ('', '新任', '连任')),
    tags           TEXT NOT NULL DEFAULT '', -- 身份标签 joined with 、
    phone          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT,
    UNIQUE (village_id, round, id_number)
);

-- A round's roster (the 两委成员 ledger, the figures, the members report) filters on round.
CREATE INDEX members_round ON members (round, village_id);

CREATE TABLE leaderships (
    id              INTEGER PRIMARY KEY,
    township_id     INTEGER NOT NULL REFERENCES townships (id),
    round           INTEGER NOT NULL,
    party_committee INTEGER NOT NULL DEFAULT 0 CHECK (party_committee >= 0),
    government      INTEGER NOT NULL DEFAULT 0 CHECK (government >= 0),
    cross_posts     INTEGER NOT NULL DEFAULT 0 CHECK (cross_posts >= 0),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT,
    UNIQUE (township_id, round)
);

CREATE INDEX leaderships_round ON leaderships (round);

CREATE TABLE party_orgs (
    id           INTEGER PRIMARY KEY,
    village_id   INTEGER NOT NULL REFERENCES villages (id),
    year         INTEGER NOT NULL,
    org_type     TEXT NOT NULL DEFAULT '' CHECK (org_type IN ('', '党支部', '党总支', '党委')),
    members      INTEGER NOT NULL DEFAULT 0 CHECK (members >= 0),
    women        INTEGER NOT NULL DEFAULT 0 CHECK (women >= 0),
    probationary INTEGER NOT NULL DEFAULT 0 CHECK (probationary >= 0),
    developed    INTEGER NOT NULL DEFAULT 0 CHECK (developed >= 0),
    has_team     INTEGER NOT NULL DEFAULT 0 CHECK (has_team IN (0, 1)),
    has_venue    INTEGER NOT NULL DEFAULT 0 CHECK (has_venue IN (0, 1)),
    venue_area   REAL NOT NULL DEFAULT 0 CHECK (venue_area >= 0),
    has_activity INTEGER NOT NULL DEFAULT 0 CHECK (has_activity IN (0, 1)),
    activities   INTEGER NOT NULL DEFAULT 0 CHECK (activities >= 0),
    has_income   INTEGER NOT NULL DEFAULT 0 CHECK (has_income IN (0, 1)),
    income       REAL NOT NULL DEFAULT 0 CHECK (income >= 0),
    weak         INTEGER NOT NULL DEFAULT 0 CHECK (weak IN (0, 1)),
    measures     TEXT NOT NULL DEFAULT '',
    progress     TEXT NOT NULL DEFAULT '',
    result       TEXT NOT NULL DEFAULT '' CHECK (result IN ('', '整顿中', '已销号')),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT,
    UNIQUE (village_id, year)
);

CREATE INDEX party_orgs_year ON party_orgs (year, village_id);

CREATE TABLE complaints (
    id          INTEGER PRIMARY KEY,
    township_id INTEGER NOT NULL REFERENCES townships (id),
    no          TEXT NOT NULL,
    received    TEXT CHECK (received IS NULL OR received GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    channel     TEXT NOT NULL DEFAULT '' CHECK (channel IN ('', '来信', '来访', '电话', '网络', '短信', '上级交办')),
    village_id  INTEGER REFERENCES villages (id), -- 村名 is optional
    complainant TEXT NOT NULL DEFAULT '',
    subject     TEXT NOT NULL DEFAULT '',
    category    TEXT NOT NULL DEFAULT '' CHECK (category IN ('', '拉票贿选', '资格争议', '程序违规', '其他')),
    summary     TEXT NOT NULL DEFAULT '',
    handler     TEXT NOT NULL DEFAULT '',
    deadline    TEXT CHECK (deadline IS NULL OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    result      TEXT NOT NULL DEFAULT '' CHECK (result IN ('', '办理中', '属实', '部分属实', '不属实')),
    handling    TEXT NOT NULL DEFAULT '',
    replied     TEXT CHECK (replied IS NULL OR replied GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    UNIQUE (township_id, no)
);

-- A year's complaints are chosen by 受理日期 (a range on the YYYY-MM-DD text).
CREATE INDEX complaints_received ON complaints (received);
CREATE INDEX complaints_village ON complaints (village_id);

CREATE TABLE talks (
    id          INTEGER PRIMARY KEY,
    township_id INTEGER NOT NULL REFERENCES townships (id),
    no          TEXT NOT NULL,
    date        TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    mode        TEXT NOT NULL DEFAULT '' CHECK (mode IN ('', '申请约谈', '主动约谈', '下访约谈')),
    interviewer TEXT NOT NULL DEFAULT '',
    interviewee TEXT NOT NULL DEFAULT '',
    unit        TEXT NOT NULL DEFAULT '',
    post        TEXT NOT NULL DEFAULT '',
    category    TEXT NOT NULL DEFAULT '' CHECK (category IN ('', '个人诉求', '汇报工作和思想', '意见建议')),
    cause       TEXT NOT NULL DEFAULT '',
    handling    TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    UNIQUE (township_id, no)
);

-- A year's talks are chosen by 日期.
CREATE INDEX talks_date ON talks (date);
