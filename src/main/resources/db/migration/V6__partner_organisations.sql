-- Partner organisations of the country clusters: who submits projects into an appeal.
-- Each is also a Camunda group (its id) whose members are the organisation's users.
-- Plain SQL that both H2 (the embedded default) and PostgreSQL run.

create table eie_partner_organisation (
    -- The Camunda group id as well: partner-LB-lea (country, then the acronym in lower case).
    id            varchar(64)  not null primary key,
    -- ISO 3166 alpha-2 code of the country cluster.
    country       varchar(2)   not null,
    name          varchar(200) not null,
    acronym       varchar(32)  not null,
    -- UN_AGENCY, INTERNATIONAL_NGO, NATIONAL_NGO, GOVERNMENT, RED_CROSS_RED_CRESCENT
    type          varchar(32)  not null,
    registered_by varchar(128) not null,
    registered_at timestamp    not null,
    constraint uq_eie_partner_organisation_name unique (country, name)
);

create index ix_eie_partner_organisation_country on eie_partner_organisation (country);

-- Who attached which user to an organisation, and when. The membership itself is the Camunda
-- group membership (an administrator may also change it in Admin); this is its record.
create table eie_partner_member (
    organisation_id varchar(64)  not null references eie_partner_organisation (id),
    user_id         varchar(128) not null,
    added_by        varchar(128) not null,
    added_at        timestamp    not null,
    primary key (organisation_id, user_id)
);
