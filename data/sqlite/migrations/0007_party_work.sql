-- 0006: the party work beyond 四有 (issue 16): member development (发展党员) from the
-- application to full membership, and 创先争优 commendations (表彰). Shipped migrations are
-- never edited.
--
-- As in 0002 and 0004, enumerated columns accept '' besides their values: "not given" is the
-- rules' business (data.*.Validate). The stage of a development is derived from its dates,
-- never stored.

CREATE TABLE developments (
    id         INTEGER PRIMARY KEY,
    village_id INTEGER NOT NULL REFERENCES villages (id),
    name       TEXT NOT NULL,
    id_number  TEXT NOT NULL,
    gender     TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', '男', '女')),
    birth      TEXT CHECK (birth IS NULL OR birth GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    ethnicity  TEXT NOT NULL DEFAULT '',
    education  TEXT NOT NULL DEFAULT '' CHECK (education IN ('', '初中及以下', '高中中专', '大专', '本科及以上')),
    applied    TEXT CHECK (applied IS NULL OR applied GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    activist   TEXT CHECK (activist IS NULL OR activist GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    candidate  TEXT CHECK (candidate IS NULL OR candidate GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    admitted   TEXT CHECK (admitted IS NULL OR admitted GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    confirmed  TEXT CHECK (confirmed IS NULL OR confirmed GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    contact    TEXT NOT NULL DEFAULT '',
    sponsors   TEXT NOT NULL DEFAULT '',
    vetting    TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    UNIQUE (village_id, id_number)
);

CREATE INDEX developments_applied ON developments (applied, village_id);

CREATE TABLE commendations (
    id          INTEGER PRIMARY KEY,
    township_id INTEGER NOT NULL REFERENCES townships (id),
    year        INTEGER NOT NULL,
    -- A commendation may name a village of its township; NULL for the township's own.
    village_id  INTEGER REFERENCES villages (id),
    category    TEXT NOT NULL CHECK (category IN ('先进基层党组织', '优秀共产党员', '优秀党务工作者',
        '优秀乡镇（街道）党（工）委书记', '优秀村党组织书记', '其他')),
    subject     TEXT NOT NULL,
    id_number   TEXT NOT NULL DEFAULT '',
    level       TEXT NOT NULL DEFAULT '' CHECK (level IN ('', '县级', '市级', '省级', '全国')),
    date        TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    doc_no      TEXT NOT NULL DEFAULT '',
    -- The natural key's text: one commendation of a subject per category and level a year.
    commend_key TEXT GENERATED ALWAYS AS (category || '/' || level || '/' || subject || '/' || id_number) VIRTUAL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    UNIQUE (township_id, year, category, level, subject, id_number)
);

CREATE INDEX commendations_year ON commendations (year, township_id);
