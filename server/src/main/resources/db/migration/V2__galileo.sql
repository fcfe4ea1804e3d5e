create table galileo_projects (
  tenant_id   uuid not null,
  project_id  uuid not null,
  name        text not null,
  type        text,
  description text,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  primary key (tenant_id, project_id),
  unique (tenant_id, name)
);

-- Log streams and experiments: the places a batch of traces is logged to ("runs" in Galileo's words).
create table galileo_runs (
  tenant_id  uuid not null,
  run_id     uuid not null,
  project_id uuid not null,
  kind       text not null check (kind in ('log_stream', 'experiment')),
  name       text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, run_id),
  unique (tenant_id, project_id, kind, name),
  foreign key (tenant_id, project_id) references galileo_projects (tenant_id, project_id) on delete cascade
);

create table galileo_sessions (
  tenant_id           uuid not null,
  session_id          uuid not null,
  project_id          uuid not null,
  run_id              uuid not null,
  name                text,
  external_id         text,
  previous_session_id uuid,
  user_metadata       jsonb,
  created_at          timestamptz not null default now(),
  primary key (tenant_id, session_id),
  unique (tenant_id, project_id, external_id),
  foreign key (tenant_id, run_id) references galileo_runs (tenant_id, run_id) on delete cascade
);

-- Every trace and every span, at every depth. The relational columns are what queries need (tree,
-- order, time, type); body is the record exactly as the client sent it, less its child spans, so a
-- read returns what was written.
create table galileo_records (
  tenant_id    uuid not null,
  record_id    uuid not null,
  project_id   uuid not null,
  run_id       uuid not null,
  trace_id     uuid not null,
  parent_id    uuid,
  position     integer not null,
  depth        integer not null,
  type         text not null,
  name         text not null,
  session_id   uuid,
  created_at   timestamptz not null,
  updated_at   timestamptz not null,
  has_children boolean not null,
  body         jsonb not null,
  primary key (tenant_id, record_id)
);
create index galileo_traces_by_run on galileo_records (tenant_id, run_id, created_at desc, record_id desc)
  where type = 'trace';
create index galileo_records_by_trace on galileo_records (tenant_id, trace_id);
