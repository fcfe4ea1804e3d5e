package dev.tracepost.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepost.galtea.model.Trace;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A model's date-times, written in replies and read from requests by the one mapper. */
class Rfc3339Test {

  @Test
  void dateTimesAreWrittenAsRfc3339WithTheirSecondsAndReadBackEqual() throws Exception {
    Trace trace = new Trace()
        .startTime(OffsetDateTime.of(2026, 11, 21, 9, 0, 0, 0, ZoneOffset.UTC))
        .endTime(OffsetDateTime.of(2026, 11, 21, 9, 0, 1, 250_000_000, ZoneOffset.ofHours(2)));

    JsonNode written = Json.mapper().valueToTree(trace);

    assertThat(written.get("startTime").asText()).as("seconds even when zero; java.time's toString leaves them out")
        .isEqualTo("2026-11-21T09:00:00Z");
    assertThat(written.get("endTime").asText()).isEqualTo("2026-11-21T09:00:01.25+02:00");
    Trace read = Json.mapper().treeToValue(written, Trace.class);
    assertThat(read.getStartTime()).isEqualTo(trace.getStartTime());
    assertThat(read.getEndTime()).isEqualTo(trace.getEndTime());
  }

  @Test
  void aLeapSecondIsReadAsTheSecondAfterIt() {
    assertThat(Rfc3339.parse("2016-12-31T23:59:60Z")).isEqualTo(OffsetDateTime.of(2017, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
  }
}
