-- Tenants own everything; keys are stored as SHA-256 hashes, never in clear.
-- On Citus these three small tables are reference tables (copied to every node); every other table is
-- distributed by tenant_id, which leads each of their primary keys.
create table tenants (
  tenant_id  uuid primary key,
  name       text not null unique,
  created_at timestamptz not null default now()
);

create table api_keys (
  tenant_id  uuid not null references tenants (tenant_id) on delete cascade,
  key_hash   text not null,
  key_prefix text not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, key_hash)
);
create unique index api_keys_by_hash on api_keys (key_hash);
create unique index api_keys_by_prefix on api_keys (key_prefix);

-- Server-wide settings every instance must agree on, such as the token signing secret.
create table settings (
  name  text primary key,
  value text not null
);
