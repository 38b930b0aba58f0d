package io.rwgateway.translators.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.rwgateway.translators.model.MetricType;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The state of one {@link OtlpTranslator#translate} call: where series go, what was counted, the
 * resource and scope being walked, and the label, timestamp and exemplar rules every point kind
 * shares (otlp.md §2.0, §2.8, §4.5). Not thread-safe; one per request.
 */
final class TranslationRun {
  static final long STALE_NAN_BITS = 0x7ff0000000000002L;
  /** §2.8: exemplar labels (names and values, in runes) beyond this keep trace/span ids only. */
  private static final int EXEMPLAR_MAX_RUNES = 128;
  private static final HexFormat HEX = HexFormat.of();

  final OtlpOptions options;
  final LabelNamer labelNamer;
  final Tally tally = new Tally();
  final SeriesSink sink;
  final LabelScratch labels = new LabelScratch();
  private final LabelScratch scope = new LabelScratch();
  private final long maxTimestampMillis;

  ResourceContext resource;
  long resourceMinMillis;
  long resourceMaxMillis;

  TranslationRun(OtlpOptions options, LabelNamer labelNamer, long nowMillis, int expectedSeries) {
    this.options = options;
    this.sink = new SeriesSink(expectedSeries);
    this.labelNamer = labelNamer;
    long skew = options.maxFutureSkew().toMillis();
    this.maxTimestampMillis = skew == 0 ? Long.MAX_VALUE : nowMillis + skew;
  }

  void startResource(ResourceContext r) {
    resource = r;
    resourceMinMillis = Long.MAX_VALUE;
    resourceMaxMillis = Long.MIN_VALUE;
  }

  /**
   * Scope labels (§4.4) under promote_scope_metadata, for scopes with a name: otel_scope_name,
   * _version, _schema_url, and otel_scope_&lt;attr&gt; (those that would clash with the three fixed
   * names are dropped, as the spec requires). Empty values drop out later.
   */
  void startScope(InstrumentationScope s, String schemaUrl) {
    scope.clear();
    if (!options.promoteScopeMetadata() || s.getName().isEmpty()) {
      return;
    }
    scope.put("otel_scope_name", s.getName());
    scope.put("otel_scope_version", s.getVersion());
    scope.put("otel_scope_schema_url", schemaUrl);
    LabelScratch attrs = new LabelScratch();
    List<KeyValue> prefixed = new ArrayList<>(s.getAttributesCount());
    for (KeyValue kv : s.getAttributesList()) {
      prefixed.add(kv.toBuilder().setKey("otel_scope_" + kv.getKey()).build());
    }
    AttributeLabels.addJoined(prefixed, labelNamer, attrs, tally, true);
    for (int i = 0; i < attrs.size(); i++) {
      String n = attrs.name(i);
      if (!n.equals("otel_scope_name") && !n.equals("otel_scope_version") && !n.equals("otel_scope_schema_url")) {
        scope.put(n, attrs.value(i));
      }
    }
  }

  /**
   * Fills {@link #labels} with a point's labels in §4.5 order: its attributes, promoted resource
   * attributes where missing, job and instance (overwriting), scope labels (overwriting).
   * {@code __name__} and {@code le}/{@code quantile} are the caller's. Throws
   * {@link AttributeLabels.InvalidAttributeException} when an attribute name is invalid.
   */
  void pointLabels(List<KeyValue> attributes) {
    labels.clear();
    AttributeLabels.addJoined(attributes, labelNamer, labels, tally, false);
    if (labels.get("__name__") != null) {
      labels.remove("__name__"); // §4.5: an attribute never names the series
      tally.note(OtlpTranslation.Reasons.RESERVED_LABEL_OVERWRITTEN);
    }
    for (int i = 0; i < resource.promoted.size(); i++) {
      labels.putIfAbsent(resource.promoted.name(i), resource.promoted.value(i));
    }
    if (resource.job != null) {
      labels.put("job", resource.job);
    }
    if (resource.instance != null) {
      labels.put("instance", resource.instance);
    }
    for (int i = 0; i < scope.size(); i++) {
      labels.put(scope.name(i), scope.value(i));
    }
  }

  /** Sets a synthetic label ({@code __name__}, {@code le}, {@code quantile}): these always win (§4.5). */
  void syntheticLabel(String name, String value) {
    labels.put(name, value);
  }

  /**
   * A point's time in ms (§2.0: fixed64 ns, integer division), or -1 after counting the rejection
   * when the time does not fit a signed long or is too far ahead of the clock.
   */
  long pointMillis(long timeUnixNano, PointKind kind, String metric) {
    if (timeUnixNano < 0) {
      tally.reject(OtlpTranslation.Reasons.INVALID_TIMESTAMP, 1,
          "metric \"" + metric + "\" has a time_unix_nano above 2^63-1");
      return -1;
    }
    long ms = timeUnixNano / 1_000_000;
    if (ms > maxTimestampMillis) {
      tally.reject(OtlpTranslation.Reasons.FUTURE_TIMESTAMP, 1, "metric \"" + metric
          + "\" has a data point more than " + options.maxFutureSkew() + " in the future");
      return -1;
    }
    return ms;
  }

  /** Records an accepted point for the resource's target_info span and the per-kind count. */
  void accepted(PointKind kind, long millis) {
    tally.accept(kind);
    resourceMinMillis = Math.min(resourceMinMillis, millis);
    resourceMaxMillis = Math.max(resourceMaxMillis, millis);
  }

  /** §2.0/§6.11: the start timestamp in ms when 0 &lt; ST ≤ T, else 0 (unset). */
  long startMillis(long startUnixNano, long millis) {
    if (startUnixNano <= 0) {
      return 0;
    }
    long st = startUnixNano / 1_000_000;
    if (st > millis) {
      tally.note(OtlpTranslation.Reasons.START_AFTER_TIME);
      return 0;
    }
    return st;
  }

  /**
   * Adds a float sample to the series with the current {@link #labels}; null (counted) when the
   * request already has a sample with these labels and timestamp.
   */
  SeriesSink.Out sample(Family f, long millis, long valueBits, long startMillis) {
    SeriesSink.Out out = sink.series(labels.sortedPairs(), f.type(), f.help(), f.unit());
    if (!out.sample(millis, valueBits, startMillis)) {
      duplicate(f);
      return null;
    }
    return out;
  }

  void duplicate(Family f) {
    tally.warn(OtlpTranslation.Reasons.DUPLICATE_SERIES, "metric \"" + f.otlpName()
        + "\" produced a sample whose labels and timestamp are already in the request; dropped");
  }

  /**
   * An OTLP exemplar as name, value, ... label pairs, value bits and ms (§2.8), or null (counted)
   * when its trace or span id has the wrong length. Only that exemplar is dropped.
   */
  PendingExemplar exemplar(Exemplar e) {
    ByteString trace = e.getTraceId();
    ByteString span = e.getSpanId();
    if ((!trace.isEmpty() && trace.size() != 16) || (!span.isEmpty() && span.size() != 8)) {
      tally.warn(OtlpTranslation.Reasons.INVALID_EXEMPLAR, "an exemplar has a trace_id of "
          + trace.size() + " bytes or a span_id of " + span.size() + " bytes (want 16 and 8); exemplar dropped");
      return null;
    }
    LabelScratch l = new LabelScratch();
    int runes = 0;
    if (!allZero(trace)) {
      String hex = HEX.formatHex(trace.toByteArray());
      l.put("trace_id", hex);
      runes += 8 + hex.length();
    }
    if (!allZero(span)) {
      String hex = HEX.formatHex(span.toByteArray());
      l.put("span_id", hex);
      runes += 7 + hex.length();
    }
    int withIds = l.size();
    boolean fits = true;
    for (KeyValue kv : e.getFilteredAttributesList()) {
      String value = AttributeText.of(kv.getValue());
      String name;
      try {
        name = labelNamer.build(kv.getKey());
      } catch (LabelNamer.InvalidLabelException ex) {
        continue;
      }
      if (value.isEmpty() || name.equals("trace_id") || name.equals("span_id")) {
        continue; // trace_id/span_id win over a clashing attribute (§2.8 MUST)
      }
      runes += name.codePointCount(0, name.length()) + value.codePointCount(0, value.length());
      if (runes > EXEMPLAR_MAX_RUNES) {
        fits = false;
        break;
      }
      l.putJoining(name, value);
    }
    if (!fits) {
      LabelScratch ids = new LabelScratch();
      for (int i = 0; i < withIds; i++) {
        ids.put(l.name(i), l.value(i));
      }
      l = ids;
    }
    double v = e.getValueCase() == Exemplar.ValueCase.AS_INT ? (double) e.getAsInt() : e.getAsDouble();
    long ns = e.getTimeUnixNano();
    long ms = ns <= 0 ? 0 : ns / 1_000_000;
    return new PendingExemplar(l.sortedPairs(), Double.doubleToRawLongBits(v), ms, v);
  }

  private static boolean allZero(ByteString b) {
    for (int i = 0; i < b.size(); i++) {
      if (b.byteAt(i) != 0) {
        return false;
      }
    }
    return true;
  }

  /** A translated exemplar, waiting for the series it goes on. */
  record PendingExemplar(String[] pairs, long valueBits, long millis, double value) {}

  /**
   * One translated metric: its Prometheus base name, metadata and how its points are written.
   *
   * @param startTimestamps whether points carry ST (counter-like output, §2.0)
   * @param exemplars whether exemplars are attached (counters and histograms, §2.8)
   * @param resetHint native histogram reset hint (0 UNKNOWN, 3 GAUGE for passed-through deltas)
   */
  record Family(String otlpName, String name, String help, String unit, MetricType type,
      PointKind kind, boolean startTimestamps, boolean exemplars, int resetHint) {}
}
