-- Goals with their typology, progress as the client judges it, and action items between sessions.
create table goal (
    id               uuid        primary key,
    tenant_id        text        not null,
    engagement_id    uuid        not null references engagement (id),
    title            text        not null,   -- encrypted
    horizon          text        not null,   -- proximal | distal
    orientation      text        not null,   -- performance | learning
    direction        text        not null,   -- approach | avoidance
    self_concordant  boolean     not null,
    status           text        not null,   -- open | met | dropped
    created_at       timestamptz not null,
    version          bigint      not null
);
create index goal_by_engagement on goal (tenant_id, engagement_id);

create table goal_milestone (
    id         uuid        primary key,
    tenant_id  text        not null,
    goal_id    uuid        not null references goal (id),
    title      text        not null,       -- encrypted
    due_date   date,
    reached_at timestamptz
);

create table goal_progress (
    id          uuid        primary key,
    tenant_id   text        not null,
    goal_id     uuid        not null references goal (id),
    rating      integer     not null check (rating between 0 and 10),
    rated_by    text        not null,
    rated_on    date        not null,
    created_at  timestamptz not null
);
create index progress_by_goal on goal_progress (goal_id, rated_on);

create table action_item (
    id             uuid        primary key,
    tenant_id      text        not null,
    engagement_id  uuid        not null references engagement (id),
    goal_id        uuid        references goal (id),
    title          text        not null,   -- encrypted
    due_date       date,
    done           boolean     not null,
    done_at        timestamptz,
    created_at     timestamptz not null,
    version        bigint      not null
);
create index action_by_engagement on action_item (tenant_id, engagement_id);
