package dev.tracepost.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * API keys: {@code gsk_} and 40 random letters and digits (the shape Galtea's SDKs expect, accepted by
 * Galileo's as well). Only a SHA-256 hash is stored: keys are long and random, so a slow password hash
 * would buy nothing but latency on every request. The first 12 characters are kept as the key's name,
 * so an administrator can revoke it.
 */
public final class ApiKeys {

  public static final int PREFIX_LENGTH = 12;
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {
  }

  public static String generate() {
    StringBuilder key = new StringBuilder("gsk_");
    for (int i = 0; i < 40; i++) {
      key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return key.toString();
  }

  public static String hash(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  public static String prefix(String key) {
    return key.substring(0, Math.min(PREFIX_LENGTH, key.length()));
  }
}
