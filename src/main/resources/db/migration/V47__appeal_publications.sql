-- Which versions of each appeal went out to its donors: the newest is the current version a new
-- subscriber gets at once (donors/CurrentVersions). Plain SQL for H2 and PostgreSQL.
create table eie_appeal_publication (
    appeal_id    varchar(64) not null,
    version      integer     not null,
    country      varchar(2)  not null,
    appeal_type  varchar(40) not null,
    published_at timestamp   not null,
    primary key (appeal_id, version)
);

-- Versions delivered before this table existed (an appeal published to no donor is not known).
insert into eie_appeal_publication (appeal_id, version, country, appeal_type, published_at)
    select appeal_id, document_version, min(country), min(appeal_type), min(created_at)
      from eie_donor_delivery group by appeal_id, document_version;
