package dev.tracepost.mock.journal;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies read back whole wherever they lie in the ring's segments, until newer ones come round over them. */
class BodyRingTest {

  private static String text(BodyRing.Kept kept) {
    byte[] bytes = kept.bytes();
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void bodiesReadBackAcrossSegmentsAndRoundTheEndUntilOverwritten() {
    BodyRing ring = new BodyRing(10, 4);

    BodyRing.Kept first = ring.keep(Buffer.buffer("abc"), 10);
    BodyRing.Kept second = ring.keep(Buffer.buffer("defgh"), 10);
    assertThat(text(first)).isEqualTo("abc");
    assertThat(text(second)).as("over two segment boundaries").isEqualTo("defgh");

    BodyRing.Kept third = ring.keep(Buffer.buffer("ijklmn"), 10);
    assertThat(text(third)).as("the ring's short last segment, then its first").isEqualTo("ijklmn");
    assertThat(text(first)).isNull();
    assertThat(second.overwritten()).isTrue();

    BodyRing.Kept whole = ring.keep(Buffer.buffer("0123456789AB"), 12);
    assertThat(text(whole)).as("cut to the ring").isEqualTo("0123456789");
    assertThat(whole.cut()).isTrue();
    assertThat(third.overwritten()).isTrue();
  }
}
