-- 0005: a complaint's extension (延期至, 延期原因): 信访工作条例 lets a complicated complaint be
-- extended with the reason told to the complainant. Shipped migrations are never edited.

ALTER TABLE complaints ADD COLUMN extended_to TEXT
    CHECK (extended_to IS NULL OR extended_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE complaints ADD COLUMN extension TEXT NOT NULL DEFAULT '';
