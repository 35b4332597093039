-- Actions beyond completing one's own tasks (cancel an appeal, withdraw a country, retry a donor
-- delivery, move a deadline): taken through our API only, after a role check, and recorded here
-- with who, in which role, on what and why. Nothing in the API updates or deletes these rows.
create table eie_role_action (
    id                  varchar(36)   not null primary key,
    action              varchar(64)   not null,
    process_instance_id varchar(64)   not null,
    tenant_id           varchar(64),
    user_id             varchar(128)  not null,
    user_groups         varchar(2000) not null,
    reason              varchar(1000) not null,
    taken_at            timestamp     not null
);
create index ix_eie_role_action_instance on eie_role_action (process_instance_id);
