package dev.tracepost.contract.security;

/** What a request presented: an API key from a header, or a bearer token. */
public record Credential(Kind kind, String value) {

  public enum Kind {
    /** {@code Galileo-API-Key} or {@code Splunk-AO-API-Key}. */
    API_KEY,
    /** {@code Authorization: Bearer ...}: a Galileo login token or a Galtea {@code gsk_} key. */
    BEARER
  }
}
