-- Donors who receive appeals, what they receive, what they download and what they pledge.
-- Plain SQL that both H2 (the embedded default) and PostgreSQL run.

create table eie_donor (
    id            varchar(36)  not null primary key,
    organisation  varchar(200) not null,
    contact_name  varchar(200) not null,
    email         varchar(254) not null,
    language      varchar(8)   not null,
    -- A donor who unsubscribed keeps their deliveries and pledges on record.
    active        boolean      not null,
    created_at    timestamp    not null,
    updated_at    timestamp    not null,
    constraint uq_eie_donor_email unique (email)
);

-- A donor receives every appeal of a subscribed country OR of a subscribed appeal type.
create table eie_donor_country (
    donor_id varchar(36) not null references eie_donor (id),
    country  varchar(2)  not null,
    primary key (donor_id, country)
);

create table eie_donor_appeal_type (
    donor_id    varchar(36) not null references eie_donor (id),
    appeal_type varchar(40) not null,
    primary key (donor_id, appeal_type)
);

-- One row per donor and appeal version: the unit of "exactly one e-mail". The unique constraint
-- stops a second row; the row lock taken while sending stops a second send (see DeliveryLedger).
create table eie_donor_delivery (
    id               varchar(36)   not null primary key,
    donor_id         varchar(36)   not null references eie_donor (id),
    appeal_id        varchar(64)   not null,
    document_version integer       not null,
    country          varchar(2)    not null,
    appeal_type      varchar(40)   not null,
    email            varchar(254)  not null,
    language         varchar(8)    not null,
    -- Deterministic: the same on every attempt, so a repeat after a crash is recognisable.
    message_id       varchar(255)  not null,
    -- PENDING, WAITING_FOR_MAIL_SERVER, RETRYING, SENT
    status           varchar(32)   not null,
    status_detail    varchar(1000),
    attempts         integer       not null,
    created_at       timestamp     not null,
    updated_at       timestamp     not null,
    sent_at          timestamp,
    constraint uq_eie_donor_delivery unique (donor_id, appeal_id, document_version)
);

create index ix_eie_donor_delivery_appeal on eie_donor_delivery (appeal_id, document_version);

-- Download links: only the SHA-256 of each token is kept, so the table does not hand out links.
create table eie_donor_download_token (
    token_sha256 varchar(64) not null primary key,
    delivery_id  varchar(36) not null references eie_donor_delivery (id),
    expires_at   timestamp   not null,
    created_at   timestamp   not null
);

create table eie_donor_download (
    id           varchar(36)  not null primary key,
    delivery_id  varchar(36)  not null references eie_donor_delivery (id),
    token_sha256 varchar(64)  not null,
    downloaded_at timestamp   not null,
    remote_address varchar(64),
    user_agent   varchar(500)
);

create table eie_pledge (
    id          varchar(36)    not null primary key,
    donor_id    varchar(36)    not null references eie_donor (id),
    appeal_id   varchar(64)    not null,
    -- Earmarked for one activity of the appeal, or null for the appeal as a whole.
    activity    varchar(200),
    amount_usd  decimal(18, 2) not null,
    pledge_date date           not null,
    -- PLEDGED, COMMITTED, PAID
    status      varchar(16)    not null,
    recorded_by varchar(128)   not null,
    created_at  timestamp      not null,
    updated_at  timestamp      not null
);

create index ix_eie_pledge_appeal on eie_pledge (appeal_id);
