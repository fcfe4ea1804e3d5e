create table galtea_sessions (
  tenant_id       uuid not null,
  session_id      text not null,
  version_id      text,
  product_id      text,
  custom_id       text,
  test_case_id    text,
  context         text,
  metadata        jsonb,
  is_production   boolean not null default false,
  status          text,
  run_id          text,
  stopping_reason text,
  created_at      timestamptz not null default now(),
  deleted_at      timestamptz,
  primary key (tenant_id, session_id),
  unique (tenant_id, custom_id)
);

create table galtea_inference_results (
  tenant_id              uuid not null,
  inference_result_id    text not null,
  session_id             text not null,
  index                  integer not null,
  status                 text,
  error                  text,
  input                  jsonb,
  actual_output          text,
  retrieval_context      text,
  latency                double precision,
  input_tokens           integer,
  output_tokens          integer,
  cache_read_input_tokens integer,
  tokens                 integer,
  cost                   double precision,
  extra                  jsonb not null default '{}',
  created_at             timestamptz not null default now(),
  deleted_at             timestamptz,
  primary key (tenant_id, inference_result_id),
  foreign key (tenant_id, session_id) references galtea_sessions (tenant_id, session_id) on delete cascade
);
create index galtea_inference_results_by_session on galtea_inference_results (tenant_id, session_id, index);

create table galtea_traces (
  tenant_id           uuid not null,
  trace_id            text not null,
  inference_result_id text not null,
  session_id          text not null,
  name                text not null,
  type                text,
  description         text,
  input_data          jsonb,
  output_data         jsonb,
  error               text,
  latency_ms          double precision,
  metadata            jsonb,
  parent_trace_id     text,
  start_time          timestamptz,
  end_time            timestamptz,
  created_at          timestamptz not null default now(),
  deleted_at          timestamptz,
  primary key (tenant_id, trace_id)
);
create index galtea_traces_by_inference_result on galtea_traces (tenant_id, inference_result_id, start_time);
create index galtea_traces_by_session on galtea_traces (tenant_id, session_id, start_time);
