-- E-mail notifications of human tasks (notifications/). Plain SQL for H2 and PostgreSQL.

-- One row per task, event and user: the unit of "at most one mail". The unique constraint stops a
-- second row (a retried sweep, a second node); the row lock taken while sending stops a second
-- send (NotificationLedger, as the donors' DeliveryLedger does).
create table eie_task_notification (
    id            varchar(36)   not null primary key,
    task_id       varchar(64)   not null,
    -- ARRIVED (the task was created), REMINDER (its due date is near), OVERDUE (it has passed)
    event         varchar(16)   not null,
    user_id       varchar(255)  not null,
    -- PENDING (to send, or waiting for the mail server), SENT, SKIPPED (switched off, no
    -- address), CANCELLED (the task was done before the mail went out)
    status        varchar(16)   not null,
    status_detail varchar(1000),
    email         varchar(254),
    message_id    varchar(400),
    attempts      integer       default 0 not null,
    created_at    timestamp     not null,
    updated_at    timestamp     not null,
    sent_at       timestamp,
    constraint uq_eie_task_notification unique (task_id, event, user_id)
);

create index ix_eie_task_notification_status on eie_task_notification (status, created_at);

-- A user's choice: notifications on (the default, no row) or off, and the language of the mails.
create table eie_notification_setting (
    user_id    varchar(255) not null primary key,
    enabled    boolean      not null,
    language   varchar(8),
    updated_at timestamp    not null
);
