package dev.tracepost.contract.binding;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepost.contract.Json;
import dev.tracepost.contract.TreeBinding;
import dev.tracepost.contract.errors.ErrorReplies.InvalidRequest;
import dev.tracepost.contract.errors.Violation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the values of a request that the contract already validated into the generated types. Used by
 * the generated bindings; a handler never sees an unvalidated value.
 */
public final class RequestValues {

  private RequestValues() {
  }

  public static <T> T path(RoutingContext context, String name, TypeReference<T> type) {
    return convert(validated(context).getPathParameters(), name, type, context, Location.PATH);
  }

  /** A query parameter, or the default its schema declares (the validator does not apply defaults). */
  public static <T> T query(RoutingContext context, String name, TypeReference<T> type) {
    return convert(validated(context).getQuery(), name, type, context, Location.QUERY);
  }

  public static <T> T header(RoutingContext context, String name, TypeReference<T> type) {
    return convert(validated(context).getHeaders(), name, type, context, Location.HEADER);
  }

  public static <T> T cookie(RoutingContext context, String name, TypeReference<T> type) {
    return convert(validated(context).getCookies(), name, type, context, Location.COOKIE);
  }

  /** The body as the model, read from the tree the validation parsed. */
  public static <T> T body(RoutingContext context, TypeReference<T> type) {
    Object body = validated(context).getBody().get();
    if (body == null) {
      return null;
    }
    if (body instanceof JsonNode parsed) {
      return model(parsed, type);
    }
    try {
      return Json.mapper().readValue(context.body().buffer().getBytes(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A validated JSON body as the model. */
  static <T> T model(JsonNode body, TypeReference<T> type) {
    try {
      return Json.mapper().readerFor(type).readValue(TreeBinding.parser(body, Json.mapper()));
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof InputCoercionException) {
        throw outOfRange("body", e.getPath().stream()
            .<Object>map(step -> step.getFieldName() != null ? step.getFieldName() : step.getIndex()).toList());
      }
      throw new UncheckedIOException(e);
    } catch (InputCoercionException e) {
      throw outOfRange("body", List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A number the schema allows but the generated type cannot hold (a 32-bit field sent 2^40): the spec
   * bounds the numbers it knows of, this keeps any it misses a 422 rather than a 500.
   */
  private static InvalidRequest outOfRange(String in, List<Object> path) {
    return new InvalidRequest(List.of(new Violation(in, path, "out_of_range", "The number is too large for this server")));
  }

  private static ValidatedRequest validated(RoutingContext context) {
    return context.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
  }

  private static <T> T convert(Map<String, RequestParameter> values, String name, TypeReference<T> type,
                               RoutingContext context, Location in) {
    RequestParameter value = values == null ? null : values.get(name);
    Object raw = value == null || value.isNull() ? declaredDefault(context, name, in) : value.get();
    if (raw == null) {
      return null;
    }
    try {
      return Json.mapper().convertValue(plain(raw), type);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof InputCoercionException) {
        throw outOfRange(in.name().toLowerCase(Locale.ROOT), List.of(name));
      }
      throw e;
    }
  }

  private static Object declaredDefault(RoutingContext context, String name, Location in) {
    Operation operation = context.currentRoute() == null ? null
        : context.currentRoute().getMetadata(RouterBuilder.KEY_META_DATA_OPERATION);
    if (operation == null) {
      return null;
    }
    for (Parameter parameter : operation.getParameters()) {
      if (parameter.getName().equals(name) && parameter.getIn() == in) {
        return parameter.getSchema().get("default");
      }
    }
    return null;
  }

  private static Object plain(Object value) {
    if (value instanceof JsonObject object) {
      return object.getMap();
    }
    if (value instanceof JsonArray array) {
      return array.getList();
    }
    return value;
  }
}
