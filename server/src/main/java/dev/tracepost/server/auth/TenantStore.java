package dev.tracepost.server.auth;

import dev.tracepost.server.db.StoreFailures;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;
import java.util.UUID;

/** Tenants and their keys (the SQL of both). */
public final class TenantStore {

  private final Pool pool;

  public TenantStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<Tenant>> byKeyHash(String keyHash) {
    return pool.preparedQuery("select t.tenant_id, t.name from api_keys k join tenants t using (tenant_id) where k.key_hash = $1")
        .execute(Tuple.of(keyHash))
        .map(TenantStore::firstTenant)
        .recover(StoreFailures::translate);
  }

  public Future<Optional<Tenant>> byKeyPrefix(String prefix) {
    return pool.preparedQuery("select t.tenant_id, t.name from api_keys k join tenants t using (tenant_id) where k.key_prefix = $1")
        .execute(Tuple.of(prefix))
        .map(TenantStore::firstTenant)
        .recover(StoreFailures::translate);
  }

  public Future<Optional<Tenant>> byName(String name) {
    return pool.preparedQuery("select tenant_id, name from tenants where name = $1")
        .execute(Tuple.of(name))
        .map(TenantStore::firstTenant)
        .recover(StoreFailures::translate);
  }

  public Future<Long> count() {
    return pool.query("select count(*) from tenants").execute()
        .map(rows -> rows.iterator().next().getLong(0))
        .recover(StoreFailures::translate);
  }

  /** Creates the tenant; 409 when the name is taken. */
  public Future<Tenant> create(String name) {
    Tenant tenant = new Tenant(UUID.randomUUID(), name);
    return pool.preparedQuery("insert into tenants (tenant_id, name) values ($1, $2)")
        .execute(Tuple.of(tenant.id(), name))
        .map(done -> tenant)
        .recover(failure -> StoreFailures.translate(failure, "A tenant named " + name + " already exists"));
  }

  /** The tenant with this name, created if it does not exist yet. */
  public Future<Tenant> ensure(String name) {
    return pool.preparedQuery("insert into tenants (tenant_id, name) values ($1, $2) on conflict (name) do nothing")
        .execute(Tuple.of(UUID.randomUUID(), name))
        .compose(done -> byName(name))
        .map(Optional::orElseThrow)
        .recover(StoreFailures::translate);
  }

  /** Stores the key's hash for the tenant; does nothing if that key is stored already. */
  public Future<Void> addKey(Tenant tenant, String key) {
    return addKey(pool, tenant, key);
  }

  static Future<Void> addKey(SqlClient client, Tenant tenant, String key) {
    return client.preparedQuery("insert into api_keys (tenant_id, key_hash, key_prefix) values ($1, $2, $3) on conflict do nothing")
        .execute(Tuple.of(tenant.id(), ApiKeys.hash(key), ApiKeys.prefix(key)))
        .<Void>mapEmpty()
        .recover(failure -> StoreFailures.translate(failure, "A key starting with " + ApiKeys.prefix(key) + " exists; try again"));
  }

  /** @return how many keys were deleted (0 or 1) */
  public Future<Integer> deleteKey(String prefix) {
    return pool.preparedQuery("delete from api_keys where key_prefix = $1")
        .execute(Tuple.of(prefix))
        .map(RowSet::rowCount)
        .recover(StoreFailures::translate);
  }

  /** The server-wide setting, created from {@code candidate} by whichever instance asks first. */
  public Future<String> setting(String name, String candidate) {
    return pool.preparedQuery("insert into settings (name, value) values ($1, $2) on conflict (name) do nothing")
        .execute(Tuple.of(name, candidate))
        .compose(done -> pool.preparedQuery("select value from settings where name = $1").execute(Tuple.of(name)))
        .map(rows -> rows.iterator().next().getString(0));
  }

  private static Optional<Tenant> firstTenant(RowSet<Row> rows) {
    if (!rows.iterator().hasNext()) {
      return Optional.empty();
    }
    Row row = rows.iterator().next();
    return Optional.of(new Tenant(row.getUUID("tenant_id"), row.getString("name")));
  }
}
