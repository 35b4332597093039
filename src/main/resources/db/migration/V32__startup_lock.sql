-- One row that a starting node locks while it writes the access model (groups, tenants, grants,
-- filters, the administrator): nodes starting together take turns instead of both creating the
-- same group.
create table eie_startup_lock (
    id   integer     not null primary key,
    name varchar(64) not null
);
insert into eie_startup_lock (id, name) values (1, 'access model');
