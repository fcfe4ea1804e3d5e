package dev.tracepost.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracepost.galileo.model.LogTracesIngestRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.VertxModule;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Raw JSON parts of a model read from the parsed tree are what Jackson and Vert.x would have read from the bytes. */
class TreeBindingTest {

  private static final String BODY = "{\"traces\":[{\"type\":\"trace\",\"name\":\"t\",\"int\":1,\"long\":12345678901,"
      + "\"big\":123456789012345678901234567890,\"double\":1.5,\"exponent\":-2.5e-3,\"yes\":true,\"nothing\":null,"
      + "\"text\":\"\u00e9\\u00e9\\n\",\"array\":[1,[2,{\"x\":{}}],null],\"spans\":[{\"type\":\"llm\",\"name\":\"l\",\"input\":[]}]}]}";

  @Test
  void jsonObjectsReadFromTheTreeAreThoseVertxReadsFromTheBytes() throws Exception {
    ObjectMapper vertxAlone = new ObjectMapper().registerModule(new VertxModule());
    JsonObject expected = vertxAlone.readValue(BODY, LogTracesIngestRequest.class).getTraces().get(0);

    JsonObject fromTree = Json.mapper().readerFor(LogTracesIngestRequest.class)
        .<LogTracesIngestRequest>readValue(TreeBinding.parser(Json.mapper().readTree(BODY), Json.mapper())).getTraces().get(0);
    JsonObject fromBytes = Json.mapper().readValue(BODY, LogTracesIngestRequest.class).getTraces().get(0);

    for (JsonObject read : new JsonObject[] {fromTree, fromBytes}) {
      assertThat(read.encode()).isEqualTo(expected.encode());
      assertThat(read.fieldNames()).containsExactlyElementsOf(expected.fieldNames());
      assertThat(read.getValue("int")).isInstanceOf(Integer.class);
      assertThat(read.getValue("long")).isInstanceOf(Long.class);
      assertThat(read.getValue("big")).isInstanceOf(BigInteger.class);
      assertThat(read.getValue("double")).isInstanceOf(Double.class);
      assertThat(read.getJsonArray("spans").getJsonObject(0).getJsonArray("input")).isEmpty();
      assertThat(read).isEqualTo(expected);
      assertThat(read.containsKey("nothing")).isTrue();
      assertThat(read.getValue("nothing")).isNull();
      assertThat(read.containsKey("absent")).isFalse();
      assertThat(read.getJsonArray("array").getJsonArray(1).getJsonObject(1).getJsonObject("x")).isEqualTo(new JsonObject());
    }
  }

  @Test
  void eachObjectIsReadFromItsOwnNode() throws Exception {
    String body = "{\"log_stream_id\":\"ls\",\"traces\":[{\"name\":\"first\"},{\"name\":\"second\",\"spans\":[{\"name\":\"inner\"}]},"
        + "{\"name\":\"third\"}]}";

    LogTracesIngestRequest read = Json.mapper().readerFor(LogTracesIngestRequest.class)
        .readValue(TreeBinding.parser(Json.mapper().readTree(body), Json.mapper()));

    assertThat(read.getTraces()).extracting(trace -> trace.getString("name")).containsExactly("first", "second", "third");
    assertThat(read.getTraces().get(1).getJsonArray("spans").getJsonObject(0).getString("name")).isEqualTo("inner");
  }
}
