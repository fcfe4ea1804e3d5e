package dev.tracepost.contract.errors;

import java.util.List;

/**
 * One error a JSON Schema validator reported, in terms both validators the contract uses can give:
 * where in the instance, which keyword, where in the evaluation (for grouping union branches), where in
 * the schema (for knowing what a schema declares), and for {@code required} and
 * {@code unevaluatedProperties} errors the property concerned.
 */
public record SchemaError(List<Object> instance, String keyword, String evaluationPath, String schemaLocation, String message,
                   String property) {
}
