package dev.tracepost.mock.control;

/**
 * The {@code Prefer} header, as Prism reads it: {@code code=422}, {@code example=<name>}, {@code dynamic=true},
 * separated by commas or semicolons.
 */
record Prefer(Integer code, String example, boolean dynamic) {

  static final Prefer NONE = new Prefer(null, null, false);

  static Prefer parse(String header) {
    if (header == null || header.isBlank()) {
      return NONE;
    }
    Integer code = null;
    String example = null;
    boolean dynamic = false;
    for (String part : header.split("[,;]")) {
      String[] pair = part.trim().split("=", 2);
      if (pair.length < 2) {
        continue;
      }
      String value = pair[1].trim().replace("\"", "");
      switch (pair[0].trim().toLowerCase()) {
        case "code" -> code = Integer.parseInt(value);
        case "example" -> example = value;
        case "dynamic" -> dynamic = Boolean.parseBoolean(value);
        default -> {
          // other preferences (return=minimal, ...) are not the mock's business
        }
      }
    }
    return new Prefer(code, example, dynamic);
  }

  boolean any() {
    return code != null || example != null || dynamic;
  }
}
