package io.rwgateway.gateway.ingest;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.rwgateway.translators.codec.InvalidPayloadException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An uncompressed OTLP body to an {@code ExportMetricsServiceRequest}, from protobuf or from OTLP
 * JSON (otlp.md §1.3). Unknown fields are ignored in both (§1.3 MUST). Stateless and thread-safe.
 *
 * <p>JSON goes through protobuf-java-util's {@link JsonFormat}, which already takes lowerCamelCase
 * and snake_case keys, 64-bit integers as strings or numbers, enums as numbers or names, and
 * "NaN"/"Infinity". The one OTLP deviation it does not know is that {@code traceId} and {@code
 * spanId} are hex, not base64 (§1.3): JsonFormat base64-decodes them, which for the 32 and 16 hex
 * characters of valid ids is lossless (hex digits are base64 characters and both lengths are
 * multiples of 4), so re-encoding gives the hex text back, which is then hex-decoded. Any other text
 * comes out as something that is not 16 (8) bytes of hex and is refused.
 *
 * <p>A trace id that is not 16 bytes or a span id that is not 8 is bad data in either encoding
 * (§1.3), answered 400 as the Collector's receiver answers it.
 */
final class OtlpRequestDecoder {
  private static final JsonFormat.Parser JSON = JsonFormat.parser().ignoringUnknownFields();
  private static final int TRACE_ID_BYTES = 16;
  private static final int SPAN_ID_BYTES = 8;

  private OtlpRequestDecoder() {}

  static ExportMetricsServiceRequest decode(byte[] body, OtlpEncoding encoding) throws InvalidPayloadException {
    return encoding == OtlpEncoding.JSON ? json(body) : protobuf(body);
  }

  static ExportMetricsServiceRequest protobuf(byte[] body) throws InvalidPayloadException {
    ExportMetricsServiceRequest request;
    try {
      request = ExportMetricsServiceRequest.parseFrom(body);
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidPayloadException("bad_protobuf",
          "cannot decode OTLP ExportMetricsServiceRequest: " + oneLine(e.getMessage()));
    }
    checkIds(request);
    return request;
  }

  static ExportMetricsServiceRequest json(byte[] body) throws InvalidPayloadException {
    ExportMetricsServiceRequest.Builder b = ExportMetricsServiceRequest.newBuilder();
    try {
      JSON.merge(new String(body, StandardCharsets.UTF_8), b);
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidPayloadException("bad_json", "cannot decode OTLP JSON: " + oneLine(e.getMessage()));
    } catch (StackOverflowError e) {
      // Gson builds its tree recursively: a body of nested brackets would end the event loop.
      throw new InvalidPayloadException("bad_json", "cannot decode OTLP JSON: nested too deeply");
    }
    hexIds(b);
    return b.build();
  }

  /** Protobuf ids are raw bytes: only their length can be wrong. */
  private static void checkIds(ExportMetricsServiceRequest request) throws InvalidPayloadException {
    for (ResourceMetrics rm : request.getResourceMetricsList()) {
      for (ScopeMetrics sm : rm.getScopeMetricsList()) {
        for (Metric m : sm.getMetricsList()) {
          for (Exemplar e : exemplars(m)) {
            checkLength(m.getName(), "trace_id", e.getTraceId().size(), TRACE_ID_BYTES);
            checkLength(m.getName(), "span_id", e.getSpanId().size(), SPAN_ID_BYTES);
          }
        }
      }
    }
  }

  private static List<Exemplar> exemplars(Metric m) {
    switch (m.getDataCase()) {
      case GAUGE:
        return numberExemplars(m.getGauge().getDataPointsList());
      case SUM:
        return numberExemplars(m.getSum().getDataPointsList());
      case HISTOGRAM: {
        List<Exemplar> all = new java.util.ArrayList<>();
        for (HistogramDataPoint p : m.getHistogram().getDataPointsList()) {
          all.addAll(p.getExemplarsList());
        }
        return all;
      }
      case EXPONENTIAL_HISTOGRAM: {
        List<Exemplar> all = new java.util.ArrayList<>();
        for (ExponentialHistogramDataPoint p : m.getExponentialHistogram().getDataPointsList()) {
          all.addAll(p.getExemplarsList());
        }
        return all;
      }
      default:
        return List.of();
    }
  }

  private static List<Exemplar> numberExemplars(List<NumberDataPoint> points) {
    List<Exemplar> all = null;
    for (NumberDataPoint p : points) {
      if (p.getExemplarsCount() > 0) {
        if (all == null) {
          all = new java.util.ArrayList<>();
        }
        all.addAll(p.getExemplarsList());
      }
    }
    return all == null ? List.of() : all;
  }

  /** Empty means unset (§2.8); anything else must have the id's exact length. */
  private static void checkLength(String metric, String field, int bytes, int expected)
      throws InvalidPayloadException {
    if (bytes != 0 && bytes != expected) {
      throw badId(metric, field, bytes + " bytes, expected " + expected);
    }
  }

  private static InvalidPayloadException badId(String metric, String field, String what) {
    return new InvalidPayloadException("bad_" + field,
        "cannot decode exemplar of metric \"" + oneLine(metric) + "\": " + field + " has " + what);
  }

  private static void hexIds(ExportMetricsServiceRequest.Builder b) throws InvalidPayloadException {
    for (ResourceMetrics.Builder rm : b.getResourceMetricsBuilderList()) {
      for (ScopeMetrics.Builder sm : rm.getScopeMetricsBuilderList()) {
        for (Metric.Builder m : sm.getMetricsBuilderList()) {
          switch (m.getDataCase()) {
            case GAUGE -> {
              for (NumberDataPoint.Builder p : m.getGaugeBuilder().getDataPointsBuilderList()) {
                hexIds(m, p.getExemplarsBuilderList());
              }
            }
            case SUM -> {
              for (NumberDataPoint.Builder p : m.getSumBuilder().getDataPointsBuilderList()) {
                hexIds(m, p.getExemplarsBuilderList());
              }
            }
            case HISTOGRAM -> {
              for (HistogramDataPoint.Builder p : m.getHistogramBuilder().getDataPointsBuilderList()) {
                hexIds(m, p.getExemplarsBuilderList());
              }
            }
            case EXPONENTIAL_HISTOGRAM -> {
              for (ExponentialHistogramDataPoint.Builder p
                  : m.getExponentialHistogramBuilder().getDataPointsBuilderList()) {
                hexIds(m, p.getExemplarsBuilderList());
              }
            }
            default -> {
              // Summaries carry no exemplars.
            }
          }
        }
      }
    }
  }

  private static void hexIds(Metric.Builder m, List<Exemplar.Builder> exemplars) throws InvalidPayloadException {
    for (Exemplar.Builder e : exemplars) {
      if (!e.getTraceId().isEmpty()) {
        e.setTraceId(fromHex(m, "trace_id", e.getTraceId(), TRACE_ID_BYTES));
      }
      if (!e.getSpanId().isEmpty()) {
        e.setSpanId(fromHex(m, "span_id", e.getSpanId(), SPAN_ID_BYTES));
      }
    }
  }

  /** The id JsonFormat read as base64, back to its JSON text, read as hex. */
  private static ByteString fromHex(Metric.Builder m, String field, ByteString base64Decoded, int expected)
      throws InvalidPayloadException {
    String text = Base64.getEncoder().encodeToString(base64Decoded.toByteArray());
    if (text.length() != 2 * expected) {
      throw badId(m.getName(), field, "the wrong length: expected " + 2 * expected + " hex digits");
    }
    byte[] id = new byte[expected];
    for (int i = 0; i < expected; i++) {
      int hi = Character.digit(text.charAt(2 * i), 16);
      int lo = Character.digit(text.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw badId(m.getName(), field, "a character that is not hex (ids are hex in OTLP JSON)");
      }
      id[i] = (byte) (hi << 4 | lo);
    }
    return ByteString.copyFrom(id);
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.replaceAll("[\\r\\n]+", " ");
    return t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }
}
