package dev.tracepost.contract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class VendorTest {

  /** One string, not one a call: the mock's journal keeps it with every request it records. */
  @ParameterizedTest
  @EnumSource(Vendor.class)
  void theIdIsTheNameInLowerCaseAndTheSameStringForEveryCaller(Vendor vendor) {
    assertThat(vendor.id()).isEqualTo(vendor.name().toLowerCase(Locale.ROOT)).isSameAs(vendor.id());
  }
}
