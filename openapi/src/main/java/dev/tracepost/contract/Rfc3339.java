package dev.tracepost.contract;

import com.ethlo.time.ITU;
import com.ethlo.time.LeapSecondException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Date-times as the specs define them (RFC 3339), read the way the body validator checks them (ethlo's
 * parser, which networknt uses), and many times faster than java.time's formatter. A leap second
 * (23:59:60) is valid RFC 3339 but has no place in java.time: it becomes the second after it (it used
 * to answer 500). The generated models hold no other java.time type, so these two are all the mapper
 * needs of Jackson's java.time module (whose seventy classes every start loaded).
 */
public final class Rfc3339 {

  /** Where the seconds are in {@code 2016-12-31T23:59:60Z}. */
  private static final int SECONDS = 17;

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

  /**
   * The text with a leap second the body validator accepts (ethlo's known ones, as networknt checks)
   * written as the second before it, for a validator that knows none (Vert.x's, which checks parameters);
   * any other text as it is. Only the seconds change, so every other rule still applies to the rest.
   */
  static String leapSecondAsTheOneBefore(String text) {
    try {
      ITU.parseDateTime(text);
      return text;
    } catch (LeapSecondException leap) {
      return leap.isVerifiedValidLeapYearMonth() ? text.substring(0, SECONDS) + "59" + text.substring(SECONDS + 2) : text;
    } catch (DateTimeException notRfc3339) {
      return text;
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

  /**
   * For the generated models' date-time fields in replies: always with seconds ({@code 09:00:00Z}), as
   * RFC 3339 requires and {@link OffsetDateTime#toString()} leaves out when they are zero.
   */
  static final class Serializer extends StdScalarSerializer<OffsetDateTime> {

    Serializer() {
      super(OffsetDateTime.class);
    }

    @Override
    public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider) throws IOException {
      generator.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }
  }
}
