package io.rwgateway.loadtest.sink;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.codec.PayloadTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/**
 * Decodes an OTLP/HTTP protobuf {@code ExportMetricsServiceRequest} (identity or gzip) with the
 * opentelemetry-proto classes (OTLP is not the sink's hot path) and counts it in Prometheus
 * equivalents, as the run side counts what it sends: a Gauge or Sum point is 1 float sample, a
 * Histogram point its buckets with +Inf + _sum (when set) + _count, a Summary point its quantiles
 * + _sum + _count, an ExponentialHistogram point 1 native histogram sample. {@code series} counts
 * data points. Stateless.
 */
public final class OtlpCounter {
  private final int maxDecodedBytes;

  public OtlpCounter(int maxDecodedBytes) {
    this.maxDecodedBytes = maxDecodedBytes;
  }

  public RequestCounts count(byte[] body, int len, boolean gzip) throws InvalidPayloadException {
    byte[] raw = gzip ? gunzip(body, len) : body;
    int rawLen = gzip ? raw.length : len;
    if (rawLen > maxDecodedBytes) {
      throw new PayloadTooLargeException("decoded_too_large", "cannot decode OTLP request (" + maxDecodedBytes
          + " bytes): it is " + rawLen + " bytes");
    }
    ExportMetricsServiceRequest req;
    try {
      req = ExportMetricsServiceRequest.parseFrom(java.nio.ByteBuffer.wrap(raw, 0, rawLen));
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidPayloadException("bad_protobuf", "cannot decode OTLP ExportMetricsServiceRequest: " + e.getMessage());
    }
    long points = 0;
    long samples = 0;
    long histograms = 0;
    long exemplars = 0;
    for (ResourceMetrics rm : req.getResourceMetricsList()) {
      for (ScopeMetrics sm : rm.getScopeMetricsList()) {
        for (Metric m : sm.getMetricsList()) {
          switch (m.getDataCase()) {
            case GAUGE, SUM -> {
              for (NumberDataPoint p : m.getDataCase() == Metric.DataCase.GAUGE
                  ? m.getGauge().getDataPointsList() : m.getSum().getDataPointsList()) {
                points++;
                samples++;
                exemplars += p.getExemplarsCount();
              }
            }
            case HISTOGRAM -> {
              for (HistogramDataPoint p : m.getHistogram().getDataPointsList()) {
                points++;
                samples += classicSamples(p);
                exemplars += p.getExemplarsCount();
              }
            }
            case EXPONENTIAL_HISTOGRAM -> {
              for (ExponentialHistogramDataPoint p : m.getExponentialHistogram().getDataPointsList()) {
                points++;
                histograms++;
                exemplars += p.getExemplarsCount();
              }
            }
            case SUMMARY -> {
              for (SummaryDataPoint p : m.getSummary().getDataPointsList()) {
                points++;
                samples += p.getQuantileValuesCount() + 2L;
              }
            }
            default -> { }
          }
        }
      }
    }
    return new RequestCounts(WireProtocol.OTLP, len, rawLen, points, samples, histograms, exemplars, 0, 0, "");
  }

  /**
   * Buckets as Prometheus' OTLP translation writes them: one per explicit bound that has a count,
   * plus +Inf; then _sum when the point has one, and _count.
   */
  static long classicSamples(HistogramDataPoint p) {
    long buckets = Math.min(p.getExplicitBoundsCount(), p.getBucketCountsCount()) + 1L;
    return buckets + (p.hasSum() ? 1 : 0) + 1;
  }

  private byte[] gunzip(byte[] body, int len) throws InvalidPayloadException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body, 0, len))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, len * 4));
      byte[] buf = new byte[16384];
      int n;
      while ((n = in.read(buf)) > 0) {
        if (out.size() + n > maxDecodedBytes) {
          throw new PayloadTooLargeException("decoded_too_large", "cannot gunzip OTLP request (" + maxDecodedBytes
              + " bytes): it decodes to more");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new InvalidPayloadException("bad_gzip", "cannot gunzip OTLP request: " + e.getMessage());
    }
  }
}
