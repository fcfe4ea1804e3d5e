package dev.tracepost.server.galileo;

/** The two kinds of place a batch of traces is logged to. */
enum RunKind {
  LOG_STREAM("log_stream", "Log stream"),
  EXPERIMENT("experiment", "Experiment");

  private final String column;
  private final String label;

  RunKind(String column, String label) {
    this.column = column;
    this.label = label;
  }

  String column() {
    return column;
  }

  String label() {
    return label;
  }
}
