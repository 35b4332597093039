-- Each person's one language (language/PersonalLanguage): the dashboard's pages and the task
-- e-mails alike. A user without a row has not chosen: the dashboard follows the browser, the mails
-- are in English. Plain SQL for H2 and PostgreSQL.
create table eie_user_language (
    user_id    varchar(255) not null primary key,
    language   varchar(8)   not null,
    updated_at timestamp    not null
);

-- The mail language chosen so far was the only language a user could choose: it becomes theirs.
insert into eie_user_language (user_id, language, updated_at)
    select user_id, language, updated_at from eie_notification_setting where language is not null;

alter table eie_notification_setting drop column language;
