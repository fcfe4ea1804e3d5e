package dev.tracepost.contract.binding;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tracepost.contract.Json;
import dev.tracepost.contract.errors.ErrorReplies.InvalidRequest;
import dev.tracepost.contract.errors.Violation;
import dev.tracepost.galtea.model.InferenceResultCreate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Binding a validated body: a number the schema let through but the model cannot hold is the client's 422, not a 500. */
class RequestValuesTest {

  @Test
  void aNumberTooLargeForItsModelFieldIsAViolationAtItsPlace() throws Exception {
    var body = Json.mapper().readTree("{\"sessionId\":\"s\",\"inputTokens\":99999999999}");

    InvalidRequest refused = catchThrowableOfType(InvalidRequest.class,
        () -> RequestValues.model(body, new TypeReference<InferenceResultCreate>() { }));

    assertThat(refused.violations()).extracting(Violation::pointer).containsExactly("/inputTokens");
    assertThat(refused.violations()).extracting(Violation::rule).containsExactly("out_of_range");
  }

  @Test
  void aNumberThatFitsIsBound() throws Exception {
    var body = Json.mapper().readTree("{\"sessionId\":\"s\",\"inputTokens\":2147483647}");

    InferenceResultCreate bound = RequestValues.model(body, new TypeReference<InferenceResultCreate>() { });

    assertThat(bound.getInputTokens()).isEqualTo(Integer.MAX_VALUE);
  }
}
