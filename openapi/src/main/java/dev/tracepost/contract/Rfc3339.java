package dev.tracepost.contract;

import com.ethlo.time.ITU;
import com.ethlo.time.LeapSecondException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;

/**
 * Date-times as the specs define them (RFC 3339), read the way the body validator checks them (ethlo's
 * parser, which networknt uses), and many times faster than java.time's formatter. A leap second
 * (23:59:60) is valid RFC 3339 but has no place in java.time: it becomes the second after it (it used
 * to answer 500).
 */
public final class Rfc3339 {

  private Rfc3339() {
  }

  /** A date-time the schema has accepted, or one java.time wrote ({@code 09:00Z}, which RFC 3339 lacks seconds for). */
  public static OffsetDateTime parse(String text) {
    try {
      return ITU.parseDateTime(text);
    } catch (LeapSecondException leap) {
      return leap.getNearestDateTime();
    } catch (DateTimeException notRfc3339) {
      return OffsetDateTime.parse(text);
    }
  }

  /** For the generated models' date-time fields. */
  static final class Deserializer extends StdScalarDeserializer<OffsetDateTime> {

    Deserializer() {
      super(OffsetDateTime.class);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
      }
      return parse(parser.getText());
    }
  }
}
