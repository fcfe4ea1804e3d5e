package dev.tracepost.contract.schema;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;

/**
 * {@code format: uuid}, checked character by character: 8-4-4-4-12 hexadecimal digits. networknt's own
 * check is a regular expression, which cost a tenth of the time of validating a Galileo batch, where every
 * record carries several ids. Its message is networknt's own.
 */
final class UuidFormat implements Format {

  @Override
  public String getName() {
    return "uuid";
  }

  @Override
  public String getMessageKey() {
    return "format.uuid";
  }

  @Override
  public boolean matches(ExecutionContext executionContext, String value) {
    if (value.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = value.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : Character.digit(c, 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
