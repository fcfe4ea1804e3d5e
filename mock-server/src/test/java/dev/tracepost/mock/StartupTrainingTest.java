package dev.tracepost.mock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;

/** The build's training run (for the class archive) gets the answers it expects from the mock. */
class StartupTrainingTest {

  @Test
  void theTrainingRunCompletes() {
    assertThatCode(() -> StartupTraining.main(new String[0])).doesNotThrowAnyException();
  }
}
