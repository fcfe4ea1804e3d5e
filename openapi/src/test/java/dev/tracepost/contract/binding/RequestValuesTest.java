package dev.tracepost.contract.binding;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tracepost.contract.Json;
import dev.tracepost.contract.errors.ErrorReplies.InvalidRequest;
import dev.tracepost.contract.errors.Violation;
import dev.tracepost.galtea.model.InferenceResultCreate;
import dev.tracepost.galtea.model.TraceCreate;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

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
  void aLeapSecondIsBoundAsTheSecondAfterItAndOtherTimesKeepTheirOffset() throws Exception {
    var body = Json.mapper().readTree(
        "{\"inferenceResultId\":\"ir\",\"name\":\"n\",\"startTime\":\"2016-12-31T23:59:60Z\",\"endTime\":\"2026-11-21T09:00:00.5+02:00\"}");

    TraceCreate bound = RequestValues.model(body, new TypeReference<TraceCreate>() { });

    assertThat(bound.getStartTime()).isEqualTo(OffsetDateTime.parse("2017-01-01T00:00:00Z"));
    assertThat(bound.getEndTime()).isEqualTo(OffsetDateTime.parse("2026-11-21T09:00:00.5+02:00"));
  }

  @Test
  void aNumberThatFitsIsBound() throws Exception {
    var body = Json.mapper().readTree("{\"sessionId\":\"s\",\"inputTokens\":2147483647}");

    InferenceResultCreate bound = RequestValues.model(body, new TypeReference<InferenceResultCreate>() { });

    assertThat(bound.getInputTokens()).isEqualTo(Integer.MAX_VALUE);
  }
}
