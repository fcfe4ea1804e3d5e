package dev.tracepost.contract;

import dev.tracepost.contract.errors.ErrorShape;
import dev.tracepost.contract.errors.GalileoErrorShape;
import dev.tracepost.contract.errors.GalteaErrorShape;

import java.util.Locale;

/** The two APIs Tracepost speaks: where each one's spec is, and how it words its errors. */
public enum Vendor {

  GALILEO("openapi/galileo.yaml", new GalileoErrorShape()),
  GALTEA("openapi/galtea.yaml", new GalteaErrorShape());

  private final String id;
  private final String specResource;
  private final ErrorShape errorShape;

  Vendor(String specResource, ErrorShape errorShape) {
    this.id = name().toLowerCase(Locale.ROOT);
    this.specResource = specResource;
    this.errorShape = errorShape;
  }

  /** The spec's path on the class path (both specs ship inside this module's jar). */
  public String specResource() {
    return specResource;
  }

  /** The same spec in JSON, written by the build, for a faster start ({@link SpecDocument}). */
  String bundledJson() {
    return specResource.replaceFirst("\\.yaml$", ".json");
  }

  public ErrorShape errorShape() {
    return errorShape;
  }

  /**
   * {@code galileo} or {@code galtea}, as users name the vendors on command lines and in URLs. One string,
   * not one a call: the mock's journal keeps it with every request.
   */
  public String id() {
    return id;
  }
}
