-- A document version is the signed-off data; its renderings (one PDF per language) are made
-- whenever someone needs one (a new donor, a new language, a retry) and kept with their checksum.
-- Before, each language was stored as a kind of its own ('appeal-fr', 'appeal-ar', ...) numbered
-- on its own, so a language first needed at version 2 came out as "version 1" and the revision
-- could not be published. Plain SQL for H2 and PostgreSQL.

create table eie_document_version (
    process_instance_id varchar(64) not null,
    kind                varchar(32) not null,
    version             integer     not null,
    tenant_id           varchar(64),
    -- The language it was signed off in: the rendering a reader gets when theirs cannot be made.
    language            varchar(8)  not null,
    -- The signed-off data (UTF-8 JSON) each rendering is made from, and its SHA-256; null for
    -- documents that are only kept as rendered (plan, training report) and for versions
    -- written before this migration (their stored renderings stay, no new language is made).
    data                bytea,
    data_sha256         varchar(64),
    created_at          timestamp   not null,
    primary key (process_instance_id, kind, version)
);

alter table eie_document add column language varchar(8);

update eie_document set language = substring(kind, 8), kind = 'appeal' where kind like 'appeal-%';

-- The language each process wrote its own document in, as the engine recorded it.
update eie_document set language = coalesce((select min(v.text_) from act_hi_varinst v
        where v.proc_inst_id_ = eie_document.process_instance_id
          and v.name_ in ('language', 'documentLanguage', 'reportLanguage')), 'en')
    where language is null;

-- Each version as it was first stored: the appeal's own language came before its translations.
insert into eie_document_version (process_instance_id, kind, version, tenant_id, language,
        created_at)
    select d.process_instance_id, d.kind, d.version, d.tenant_id, d.language, d.created_at
      from eie_document d
     where not exists (select 1 from eie_document e
             where e.process_instance_id = d.process_instance_id and e.kind = d.kind
               and e.version = d.version
               and (e.created_at < d.created_at or (e.created_at = d.created_at and e.id < d.id)));

alter table eie_document alter column language set not null;
alter table eie_document drop constraint uq_eie_document_version;
alter table eie_document add constraint uq_eie_document_rendering
    unique (process_instance_id, kind, version, language);
