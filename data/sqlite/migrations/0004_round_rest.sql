-- 0004: the rest of a round (issue 15): candidates' joint vetting (候选人资格联审), the
-- 村务监督委员会, changes during the term (任职变动) and departure audits (离任审计).
-- Shipped migrations are never edited.
--
-- As in 0002, enumerated columns accept '' besides their values: "not given" is the rules'
-- business (data.*.Validate). The rules across records (a person 不通过 in vetting on the
-- roster, one 主任 of a supervision committee) are the store's, not indexes'.

CREATE TABLE candidates (
    id         INTEGER PRIMARY KEY,
    village_id INTEGER NOT NULL REFERENCES villages (id),
    round      INTEGER NOT NULL,
    name       TEXT NOT NULL,
    id_number  TEXT NOT NULL,
    body       TEXT NOT NULL CHECK (body IN ('党组织', '村委会', '村务监督委员会')),
    post       TEXT NOT NULL DEFAULT '',
    verdict    TEXT NOT NULL DEFAULT '' CHECK (verdict IN ('', '通过', '不通过', '待审')),
    reason     TEXT NOT NULL DEFAULT '',
    checked    TEXT CHECK (checked IS NULL OR checked GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- The natural key's text: a person may be vetted for each body once per village and round.
    vet_key    TEXT GENERATED ALWAYS AS (body || '/' || id_number) VIRTUAL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    UNIQUE (village_id, round, id_number, body)
);

CREATE INDEX candidates_round ON candidates (round, village_id);
-- The vetting rule looks a person up by ID number.
CREATE INDEX candidates_person ON candidates (id_number, round);
CREATE INDEX members_person ON members (id_number, round);

CREATE TABLE supervisors (
    id          INTEGER PRIMARY KEY,
    village_id  INTEGER NOT NULL REFERENCES villages (id),
    round       INTEGER NOT NULL,
    name        TEXT NOT NULL,
    id_number   TEXT NOT NULL,
    gender      TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', '男', '女')),
    birth       TEXT CHECK (birth IS NULL OR birth GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    post        TEXT NOT NULL DEFAULT '' CHECK (post IN ('', '主任', '委员')),
    in_liangwei INTEGER NOT NULL DEFAULT 0 CHECK (in_liangwei IN (0, 1)),
    method      TEXT NOT NULL DEFAULT '' CHECK (method IN ('', '村民会议', '村民代表会议')),
    elected     TEXT CHECK (elected IS NULL OR elected GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    UNIQUE (village_id, round, id_number)
);

CREATE INDEX supervisors_round ON supervisors (round, village_id);
CREATE INDEX supervisors_person ON supervisors (id_number, round);

CREATE TABLE changes (
    id           INTEGER PRIMARY KEY,
    village_id   INTEGER NOT NULL REFERENCES villages (id),
    round        INTEGER NOT NULL,
    date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    body         TEXT NOT NULL CHECK (body IN ('党组织', '村委会')),
    post         TEXT NOT NULL CHECK (post IN ('书记', '副书记', '主任', '副主任', '委员')),
    leaver       TEXT NOT NULL DEFAULT '',
    leaver_id    TEXT NOT NULL DEFAULT '',
    cause        TEXT NOT NULL DEFAULT '' CHECK (cause IN ('', '辞职', '罢免', '调整', '死亡', '其他')),
    successor    TEXT NOT NULL DEFAULT '',
    successor_id TEXT NOT NULL DEFAULT '',
    method       TEXT NOT NULL DEFAULT '' CHECK (method IN ('', '补选', '任命', '代理')),
    note         TEXT NOT NULL DEFAULT '',
    change_key   TEXT GENERATED ALWAYS AS (date || '/' || body || '/' || post || '/' || leaver_id || '/' || successor_id) VIRTUAL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT,
    UNIQUE (village_id, round, date, body, post, leaver_id, successor_id)
);

CREATE INDEX changes_round ON changes (round, village_id);

CREATE TABLE departure_audits (
    id         INTEGER PRIMARY KEY,
    village_id INTEGER NOT NULL REFERENCES villages (id),
    round      INTEGER NOT NULL,
    subject    TEXT NOT NULL,
    post       TEXT NOT NULL DEFAULT '',
    auditor    TEXT NOT NULL DEFAULT '',
    date       TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    conclusion TEXT NOT NULL DEFAULT '' CHECK (conclusion IN ('', '无问题', '有问题已整改', '有问题整改中')),
    findings   TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    UNIQUE (village_id, round, subject)
);

CREATE INDEX departure_audits_round ON departure_audits (round, village_id);
