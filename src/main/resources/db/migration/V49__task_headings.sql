-- A task's heading (name and description) in each language besides English, written when the
-- task is created (tasklist/TaskHeadings) and shown to each person in theirs: the engine keeps the
-- English heading, which every user saw until now. Gone when the task is completed or deleted.
-- Plain SQL for H2 and PostgreSQL.
create table eie_task_heading (
    task_id     varchar(64)   not null,
    language    varchar(8)    not null,
    name        varchar(255)  not null,
    description varchar(4000),
    primary key (task_id, language)
);
