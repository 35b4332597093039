-- Every SMTP attempt of a donor delivery, committed before the message is handed to the server,
-- so an attempt cut short by a crash (after the server may have accepted it) stays on record and
-- a repeat shows. No foreign key: the row is written while its delivery row is locked for update.
create table eie_donor_delivery_attempt (
    id          varchar(36)   not null primary key,
    delivery_id varchar(36)   not null,
    attempt     integer       not null,
    node_id     varchar(255),
    started_at  timestamp     not null,
    finished_at timestamp,
    -- STARTED (in progress, or cut short), ACCEPTED, FAILED, INTERRUPTED (cut short: the donor
    -- may have received that copy)
    outcome     varchar(16)   not null,
    detail      varchar(1000),
    constraint uq_eie_donor_delivery_attempt unique (delivery_id, attempt)
);

-- Attempts cut short after they began: each may have reached the donor, so the delivery may
-- have been received more than once (with the same Message-ID).
alter table eie_donor_delivery add column interrupted_attempts integer default 0 not null;
