package dev.tracepost.mock.spec;

import dev.tracepost.contract.Vendor;
import io.vertx.core.http.HttpMethod;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every operation of the loaded specs: which one a request is for, and which ones it was close to. */
public final class Operations {

  /** An operation of a vendor's spec; {@code canonicalId} names both path forms of an aliased operation. */
  public record Found(Vendor vendor, Operation operation, String operationId, String canonicalId) {
  }

  private final Map<Vendor, OpenAPIContract> contracts = new EnumMap<>(Vendor.class);

  public Operations add(Vendor vendor, OpenAPIContract contract) {
    contracts.put(vendor, contract);
    return this;
  }

  public OpenAPIContract contract(Vendor vendor) {
    return contracts.get(vendor);
  }

  public Map<Vendor, OpenAPIContract> contracts() {
    return contracts;
  }

  public Found find(HttpMethod method, String path) {
    for (Map.Entry<Vendor, OpenAPIContract> entry : contracts.entrySet()) {
      Operation operation = entry.getValue().findOperation(path, method);
      if (operation != null) {
        return found(entry.getKey(), operation);
      }
    }
    return null;
  }

  public static Found found(Vendor vendor, Operation operation) {
    String aliasOf = operation.getOpenAPIModel().getString("x-tracepost-alias-of");
    return new Found(vendor, operation, operation.getOperationId(), aliasOf == null ? operation.getOperationId() : aliasOf);
  }

  /** The operations whose method and path look most like the request's, closest first. */
  public List<Found> closest(HttpMethod method, String path, int count) {
    List<Found> all = new ArrayList<>();
    contracts.forEach((vendor, contract) -> contract.operations().forEach(operation -> all.add(found(vendor, operation))));
    all.sort(Comparator.comparingInt((Found found) -> distance(found, method, path)).thenComparing(Found::operationId));
    return all.subList(0, Math.min(count, all.size()));
  }

  private static int distance(Found found, HttpMethod method, String path) {
    String template = found.operation().getOpenAPIPath().replaceAll("\\{[^}]+}", "*");
    String request = path.replaceAll("[0-9a-fA-F-]{8,}|[a-z]+_[0-9a-f]{16,}", "*");
    return levenshtein(template, request) + (found.operation().getHttpMethod().equals(method) ? 0 : 3);
  }

  private static int levenshtein(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
