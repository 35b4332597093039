-- Generated documents (appeal, strategic plan, training report): every version kept, with a
-- SHA-256 checksum so that what a donor received can be proved later.
create table eie_document (
    id                  varchar(36)  not null primary key,
    process_instance_id varchar(64)  not null,
    kind                varchar(32)  not null,
    version             integer      not null,
    tenant_id           varchar(64),
    file_name           varchar(255) not null,
    content_type        varchar(100) not null,
    sha256              varchar(64)  not null,
    size_bytes          integer      not null,
    content             bytea        not null,
    created_at          timestamp    not null,
    constraint uq_eie_document_version unique (process_instance_id, kind, version)
);
