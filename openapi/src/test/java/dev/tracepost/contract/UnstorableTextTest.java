package dev.tracepost.contract;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scan of a body's bytes finds what may not be stored wherever it lies, in a whole word of eight bytes
 * or not, and passes other escapes and text (an escaped surrogate pair is a candidate: the tree decides).
 */
class UnstorableTextTest {

  /** The body at {@code offset} of a larger array, as the body handler's buffer may hold it. */
  private static boolean scanned(byte[] body, int offset) {
    byte[] array = new byte[offset + body.length + 5];
    System.arraycopy(body, 0, array, offset, body.length);
    return UnstorableText.mayHoldUnstorable(new BodyBytes(array, offset, body.length));
  }

  private static byte[] text(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anEscapedNulOrSurrogateOrASurrogateAsBytesIsFoundAtEveryPlace() {
    for (int before = 0; before < 20; before++) {
      for (int offset = 0; offset < 9; offset++) {
        String padding = "a".repeat(before);
        assertThat(scanned(text("{\"" + padding + "\":\"\\u0000\"}"), offset)).isTrue();
        assertThat(scanned(text("{\"" + padding + "\":\"x\\uD83D\"}"), offset)).isTrue();
        byte[] surrogateBytes = text("{\"" + padding + "\":\"..\"}");
        surrogateBytes[before + 6] = (byte) 0xED;
        surrogateBytes[before + 7] = (byte) 0xA0;
        assertThat(scanned(surrogateBytes, offset)).isTrue();
      }
    }
  }

  @Test
  void otherEscapesAndOtherTextAreNot() {
    for (int before = 0; before < 20; before++) {
      for (int offset = 0; offset < 9; offset++) {
        String padding = "a".repeat(before);
        assertThat(scanned(text("{\"" + padding + "\":\"\\\\u0000 \\n \\\" \\u00e9 \u00e9 \ud83d\ude00\"}"), offset))
            .as("before %d, offset %d", before, offset).isFalse();
      }
    }
  }
}
