package dev.tracepost.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tracepost.contract.errors.ErrorReplies.InvalidRequest;
import dev.tracepost.contract.errors.Violation;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.RequestBody;
import io.vertx.openapi.contract.Style;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidationContext;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.analyser.ContentAnalyser;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.ValidatedRequestImpl;
import io.vertx.openapi.validation.transformer.FormTransformer;
import io.vertx.openapi.validation.transformer.LabelTransformer;
import io.vertx.openapi.validation.transformer.MatrixTransformer;
import io.vertx.openapi.validation.transformer.ParameterTransformer;
import io.vertx.openapi.validation.transformer.SimpleTransformer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Validates one operation's requests where they arrive, with every schema compiled once: parameters
 * with Vert.x's own transformers and schema validators, the JSON body with the {@link BodyValidator}.
 * It stands in for the router's built-in validation, which in vertx-openapi 5.0.10 hands each request to
 * a worker thread and builds a fresh validator, copying the whole schema repository, for every parameter
 * and body of every request: most of the CPU a small request cost (README, Benchmarks). The outcome is
 * the same {@link ValidatorException}s and the same validated request, so error replies do not change.
 */
final class RequestValidation implements Handler<RoutingContext> {

  /** Bodies up to this size are checked on the event loop; larger ones on a worker, so as not to hold it. */
  private static final int INLINE_BODY_BYTES = 256 * 1024;

  /** Like Vert.x's decoder, a body is one JSON value: anything after it is malformed JSON, not ignored. */
  private static final ObjectReader JSON = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Deeper than 64 nested spans (two levels each) with room to spare; shallower than any stack limit. */
  static final int MAX_DEPTH = 200;

  /**
   * The parser counts how deep it is as it reads, so a body nested deeper than any real trace is refused
   * as it is read, before anything recurses through it.
   */
  private static final JsonFactory BODY_PARSERS = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
      .build();

  private static final Map<Style, ParameterTransformer> TRANSFORMERS = new EnumMap<>(Map.of(
      Style.SIMPLE, new SimpleTransformer(), Style.LABEL, new LabelTransformer(),
      Style.MATRIX, new MatrixTransformer(), Style.FORM, new FormTransformer()));

  /**
   * A parameter and its validator, compiled on first use, so that starting costs nothing for operations
   * nobody calls; and the last value that passed it. A client sends the same project id request after
   * request, and Vert.x's validator of a one-UUID path parameter was 4 % of the mock's CPU under the
   * Galileo load: a value that passed once passes again, so it is not checked again.
   */
  private static final class CompiledParameter {

    private final Parameter parameter;
    private final OpenAPIContract contract;
    private final boolean dateTime;
    private volatile Validator validator;
    private volatile String lastValid;

    CompiledParameter(Parameter parameter, OpenAPIContract contract) {
      this.parameter = parameter;
      this.contract = contract;
      this.dateTime = takenAsWritten(parameter) && "date-time".equals(parameter.getSchema().get("format"));
    }

    Parameter parameter() {
      return parameter;
    }

    /** Throws the validator's exception when the value breaks the schema; {@code raw} is the value as sent. */
    void check(String raw, Object transformed) {
      if (raw.equals(lastValid)) {
        return;
      }
      // A leap second the body validator accepts is valid here too: Vert.x's date-time check knows none.
      OutputUnit result = validator().validate(dateTime ? Rfc3339.leapSecondAsTheOneBefore((String) transformed) : transformed);
      try {
        result.checkValidity();
      } catch (JsonSchemaValidationException e) {
        throw SchemaValidationException.createErrorFromOutputUnitType(parameter, result, e);
      }
      lastValid = raw;
    }

    private Validator validator() {
      Validator compiled = validator;
      if (compiled == null) {
        compiled = contract.getSchemaRepository().validator(parameter.getSchema());
        validator = compiled;
      }
      return compiled;
    }
  }

  private final Vertx vertx;
  private final OpenAPIContract contract;
  private final Operation operation;
  private final List<CompiledParameter> parameters;
  private final BodyValidator bodies;
  private final Map<String, Validator> otherMediaTypes = new ConcurrentHashMap<>();

  /**
   * @param contract the contract the router is built from, whose JSON request bodies accept any JSON
   * @param bodies   the validator of the JSON request bodies as the spec writes them
   */
  RequestValidation(Vertx vertx, OpenAPIContract contract, Operation operation, BodyValidator bodies) {
    this.vertx = vertx;
    this.contract = contract;
    this.operation = operation;
    this.parameters = operation.getParameters().stream().map(parameter -> new CompiledParameter(parameter, contract)).toList();
    this.bodies = bodies;
  }

  @Override
  public void handle(RoutingContext context) {
    ValidatableRequest request;
    try {
      request = RequestUtils.extract(context.request(), operation,
          () -> Future.succeededFuture(context.body() == null ? null : context.body().buffer())).result();
    } catch (IllegalArgumentException badEscape) {
      context.fail(new InvalidRequest(List.of(malformedUrl(context.request().path(), badEscape))));
      return;
    }
    Map<String, RequestParameter> cookies = new HashMap<>();
    Map<String, RequestParameter> headers = new HashMap<>();
    Map<String, RequestParameter> path = new HashMap<>();
    Map<String, RequestParameter> query = new HashMap<>();
    List<Violation> nuls = new ArrayList<>(0);
    try {
      for (CompiledParameter compiled : parameters) {
        Parameter parameter = compiled.parameter();
        switch (parameter.getIn()) {
          case COOKIE -> cookies.put(parameter.getName(), validate(compiled, request.getCookies().get(parameter.getName()), nuls));
          case HEADER -> headers.put(parameter.getName(), validate(compiled, request.getHeaders().get(parameter.getName()), nuls));
          case PATH -> path.put(parameter.getName(), validate(compiled, request.getPathParameters().get(parameter.getName()), nuls));
          case QUERY -> query.put(parameter.getName(), validate(compiled, request.getQuery().get(parameter.getName()), nuls));
        }
      }
    } catch (ValidatorException invalid) {
      context.fail(invalid);
      return;
    }
    if (!nuls.isEmpty()) {
      context.fail(new InvalidRequest(nuls));
      return;
    }
    body(request).onComplete(body -> {
      if (body.failed()) {
        context.fail(body.cause());
        return;
      }
      context.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, new ValidatedRequestImpl(cookies, headers, path, query, body.result()));
      context.next();
    });
  }

  /** A %-escape that is not one (say {@code %zz}) cannot be decoded: it is named, in the path or the query. */
  private static Violation malformedUrl(String path, IllegalArgumentException badEscape) {
    boolean inPath;
    try {
      QueryStringDecoder.decodeComponent(path);
      inPath = false;
    } catch (IllegalArgumentException inThePath) {
      inPath = true;
    }
    return new Violation(inPath ? "path" : "query", List.of(), "url_invalid",
        "The " + (inPath ? "path" : "query string") + " holds a malformed %-escape: " + badEscape.getMessage());
  }

  /**
   * What {@code RequestValidatorImpl.validateParameter} does, with the parameter's validator compiled once;
   * a value holding a NUL goes into {@code nuls}, answered once every parameter has passed its schema.
   */
  private static RequestParameter validate(CompiledParameter compiled, RequestParameter value, List<Violation> nuls) {
    Parameter parameter = compiled.parameter();
    if (value == null || value.isNull()) {
      if (parameter.isRequired()) {
        throw ValidatorException.createMissingRequiredParameter(parameter);
      }
      return new RequestParameterImpl(null);
    }
    ParameterTransformer transformer = TRANSFORMERS.get(parameter.getStyle());
    if (transformer == null) {
      throw ValidatorException.createUnsupportedValueFormat(parameter);
    }
    String raw = String.valueOf(value.get());
    UnstorableText.inParameter(parameter, raw).ifPresent(nuls::add);
    Object transformed = takenAsWritten(parameter) ? raw
        : itemsTakenAsWritten(parameter) ? strings(parameter, raw) : transformer.transform(parameter, raw);
    compiled.check(raw, transformed);
    return new RequestParameterImpl(transformed);
  }

  /**
   * A string in the simple or form style is its text. Vert.x's transformer reads it as JSON first, so a
   * project named {@code 1.5} or {@code -3} became a number and was refused as not a string (and every
   * UUID cost a thrown exception).
   */
  private static boolean takenAsWritten(Parameter parameter) {
    return parameter.getSchemaType() == SchemaType.STRING && (parameter.getStyle() == Style.SIMPLE || parameter.getStyle() == Style.FORM);
  }

  /**
   * The same for an array of strings: Vert.x read each item as JSON, so a Galtea trace named {@code 42}
   * or {@code null} could not be listed by name, and an id with a quote in it was refused as bad JSON.
   */
  private static boolean itemsTakenAsWritten(Parameter parameter) {
    return parameter.getSchemaType() == SchemaType.ARRAY && (parameter.getStyle() == Style.SIMPLE || parameter.getStyle() == Style.FORM)
        && parameter.getSchema().get("items") instanceof JsonObject items && "string".equals(items.getValue("type"));
  }

  /** The items as Vert.x's transformers split them: {@code name=a&name=b} when exploded in a form, else {@code a,b}. */
  private static JsonArray strings(Parameter parameter, String raw) {
    if (raw.isEmpty()) {
      return new JsonArray();
    }
    String prefix = parameter.getName() + "=";
    String[] items = parameter.getStyle() == Style.FORM && parameter.isExplode()
        ? raw.substring(prefix.length()).split("&" + Pattern.quote(prefix), -1)
        : raw.split(",", -1);
    return new JsonArray(new ArrayList<>(Arrays.asList(items)));
  }

  /** The body as a parsed, validated JSON tree (or, for a media type other than JSON, as Vert.x checks it). */
  private Future<RequestParameter> body(ValidatableRequest request) {
    try {
      RequestBody declared = operation.getRequestBody();
      Buffer raw = request.getBody() == null ? null : request.getBody().getBuffer(null);
      if (declared == null || raw == null || raw.length() == 0) {
        if (declared != null && declared.isRequired()) {
          throw new ValidatorException("The related request does not contain the required body.",
              ValidatorErrorType.MISSING_REQUIRED_PARAMETER);
        }
        return Future.succeededFuture(new RequestParameterImpl(null));
      }
      MediaType media = mediaType(declared, request.getContentType());
      if (media == null) {
        throw unsupported();
      }
      if (!MediaType.APPLICATION_JSON.equals(media.getIdentifier())) {
        return Future.succeededFuture(otherMediaType(media, request.getContentType(), raw));
      }
      BodyBytes bytes = BodyBytes.of(raw);
      return bytes.length() <= INLINE_BODY_BYTES ? Future.succeededFuture(json(bytes)) : vertx.executeBlocking(() -> json(bytes), false);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * The declared media type the request's content type names. Vert.x's {@code determineContentType} first
   * strips white space with {@code String.replaceAll}, compiling a regular expression for every request
   * with a body (0.6 % of the mock's CPU under the Galileo load); a content type without white space, as
   * the SDKs send it ({@code application/json}), is its own condensed form, so an exact match is looked up
   * directly, and anything else ({@code application/json; charset=utf-8}) goes to Vert.x as before.
   */
  private static MediaType mediaType(RequestBody declared, String contentType) {
    MediaType exact = contentType == null ? null : declared.getContent().get(contentType);
    return exact != null ? exact : declared.determineContentType(contentType);
  }

  /**
   * Depth as it is parsed, so that a hostile body is refused before a validator recurses through it; then
   * numbers past a double ({@link NonFiniteNumbers}), which the schema validator cannot compare; then the
   * schema; then text PostgreSQL cannot store as sent ({@link UnstorableText}), which no schema can forbid.
   */
  private RequestParameter json(BodyBytes bytes) {
    NonFiniteNumbers.Watch numbers = new NonFiniteNumbers.Watch();
    JsonNode parsed = parse(bytes, numbers);
    List<Violation> violations = NonFiniteNumbers.violations(numbers, parsed);
    if (violations.isEmpty()) {
      violations = bodies.validate(operation.getOperationId(), parsed);
    }
    if (violations.isEmpty()) {
      violations = UnstorableText.violations(bytes, parsed);
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequest(violations);
    }
    return new RequestParameterImpl(parsed);
  }

  private static JsonNode parse(BodyBytes bytes, NonFiniteNumbers.Watch numbers) {
    try (JsonParser parser = BODY_PARSERS.createParser(bytes.array(), bytes.offset(), bytes.length())) {
      try {
        // A body of white space alone holds no value: null here, a missing node to everything after.
        JsonNode tree = JSON.with(numbers).readTree(parser);
        return tree == null ? MissingNode.getInstance() : tree;
      } catch (StreamConstraintsException e) {
        // The parser's other limits (a number of a thousand digits, say) are not a matter of depth.
        if (parser.getParsingContext().getNestingDepth() < MAX_DEPTH) {
          throw e;
        }
        throw new InvalidRequest(List.of(new Violation("body", List.of(), "too_deep",
            "The body nests more than " + MAX_DEPTH + " levels deep")));
      }
    } catch (JsonProcessingException e) {
      throw new ValidatorException("The request body can't be decoded", ValidatorErrorType.ILLEGAL_VALUE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private RequestParameter otherMediaType(MediaType media, String contentType, Buffer raw) {
    ContentAnalyser analyser = ContentAnalyser.getContentAnalyser(media, contentType, raw, ValidationContext.REQUEST);
    if (analyser == null) {
      throw unsupported();
    }
    analyser.checkSyntacticalCorrectness();
    if (media.getSchema() == null) {
      return new RequestParameterImpl(raw);
    }
    Object transformed = analyser.transform();
    OutputUnit result = otherMediaTypes.computeIfAbsent(media.getIdentifier(),
        identifier -> contract.getSchemaRepository().validator(media.getSchema())).validate(transformed);
    try {
      result.checkValidity();
    } catch (JsonSchemaValidationException e) {
      throw SchemaValidationException.createInvalidValueBody(result, ValidationContext.REQUEST, e);
    }
    return new RequestParameterImpl(transformed);
  }

  private static ValidatorException unsupported() {
    return new ValidatorException("The format of the request body is not supported", ValidatorErrorType.UNSUPPORTED_VALUE_FORMAT);
  }
}
