package dev.tracepost.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.VertxModule;

import java.time.OffsetDateTime;

/**
 * The one Jackson mapper for the generated models. Unknown properties are not its business: the
 * contract's validator has already rejected them before any model is read.
 */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new VertxModule())
      .registerModule(new SimpleModule("json-object-from-tree").addDeserializer(JsonObject.class, new TreeBinding.JsonObjects()))
      .registerModule(new SimpleModule("rfc-3339")
          .addDeserializer(OffsetDateTime.class, new Rfc3339.Deserializer())
          .addSerializer(OffsetDateTime.class, new Rfc3339.Serializer()))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Json() {
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
