package io.rwgateway.gateway.ingest;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.rwgateway.gateway.pipeline.Admission;
import io.rwgateway.gateway.pipeline.BatchSink;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.codec.PayloadTooLargeException;
import io.rwgateway.translators.otlp.OtlpTranslation;
import io.rwgateway.translators.otlp.OtlpTranslator;
import io.rwgateway.translators.otlp.PointKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One OTLP export, whatever the transport: decompress within the limit (413), decode (400),
 * translate, hand the series to the same pipeline as RW batches (global relabel, fan-out; 503 under
 * backpressure), and answer with what was left out in {@code partial_success} (otlp.md §1.2: never
 * a whole request failed over some bad points). Thread-safe: the translator is, and nothing else
 * here has state.
 */
public final class OtlpExport {
  private static final Logger LOG = Logger.getLogger(OtlpExport.class.getName());

  private final OtlpTranslator translator;
  private final BatchSink sink;
  private final IngestEvents.Protocol counts;
  private final OtlpEvents events;
  private final int maxDecodedBytes;

  /**
   * @param maxDecodedBytes a body's size limit once decompressed ({@code ingest.max_decoded_bytes}),
   *                        the OTLP size limit that MUST be applied after decompression (§1.1)
   */
  public OtlpExport(OtlpTranslator translator, BatchSink sink, IngestEvents events, int maxDecodedBytes) {
    this.translator = translator;
    this.sink = sink;
    this.counts = events.protocol(WireProtocol.OTLP);
    this.events = events.otlp();
    this.maxDecodedBytes = maxDecodedBytes;
  }

  /** The outcome: a response to send, or a failure. */
  public record Result(ExportMetricsServiceResponse response, OtlpFailure failure) {
    static Result failed(OtlpFailure f) {
      return new Result(null, f);
    }
  }

  /** The per-protocol counters ({@code protocol="otlp"}), for what the transports count themselves. */
  IngestEvents.Protocol counts() {
    return counts;
  }

  OtlpEvents events() {
    return events;
  }

  /**
   * @param body the request body (HTTP) or message (gRPC) as it arrived
   */
  public Result export(OtlpTransport transport, OtlpEncoding encoding, OtlpCompression compression, byte[] body) {
    Admission early = sink.precheck();
    if (!early.accepted()) {
      // Under backpressure a sender resends; decoding what is refused anyway would spend the CPU the backlog needs.
      bytes(transport, encoding, compression, body.length, 0);
      return refuse(OtlpFailure.overloaded(early.detail()));
    }
    byte[] raw;
    ExportMetricsServiceRequest request;
    try {
      raw = compression == OtlpCompression.GZIP ? BoundedGunzip.gunzip(body, maxDecodedBytes) : identity(body);
      request = OtlpRequestDecoder.decode(raw, encoding);
    } catch (PayloadTooLargeException e) {
      bytes(transport, encoding, compression, body.length, 0);
      return refuse(OtlpFailure.tooLarge(e.reason(), e.getMessage()));
    } catch (InvalidPayloadException e) {
      bytes(transport, encoding, compression, body.length, 0);
      return refuse(OtlpFailure.badData(e.reason(), e.getMessage()));
    }
    bytes(transport, encoding, compression, body.length, raw.length);
    OtlpTranslation translation;
    try {
      translation = translator.translate(request);
    } catch (RuntimeException e) {
      // A translator bug triggered by this input: still answered 4xx, as a 5xx other than 503 makes
      // OTLP senders drop the data anyway and 503 would bring the same request back forever.
      LOG.warning("cannot translate OTLP request of " + raw.length + " bytes: " + e);
      return refuse(OtlpFailure.badData("translator_error",
          "cannot translate OTLP request: " + e.getClass().getSimpleName()));
    }
    // What the series weigh while queued: the protobuf size, whichever encoding carried them.
    Admission admission = sink.offer(translation.batch(), request.getSerializedSize());
    if (!admission.accepted()) {
      return refuse(OtlpFailure.overloaded(admission.detail()));
    }
    counts.accepted(translation.batch(), 0);
    events.translated(byKind(translation.acceptedPoints()), translation.rejectedPoints(), translation.warnings());
    return new Result(OtlpResponses.success(translation.rejectedDataPoints(), translation.errorMessage()), null);
  }

  /** An identity body is its decoded self: the decoded-size limit applies to it too. */
  private byte[] identity(byte[] body) throws PayloadTooLargeException {
    if (body.length > maxDecodedBytes) {
      throw new PayloadTooLargeException("decoded_too_large", "cannot accept body: more than " + maxDecodedBytes
          + " bytes (limit ingest.max_decoded_bytes)");
    }
    return body;
  }

  /** Counts a request refused as a whole. */
  Result refuse(OtlpFailure failure) {
    counts.rejectedRequest(failure.reason());
    return Result.failed(failure);
  }

  private void bytes(OtlpTransport transport, OtlpEncoding encoding, OtlpCompression compression, long wire,
      long decoded) {
    counts.body(wire, decoded);
    events.body(transport, encoding, compression, wire, decoded);
  }

  private static Map<String, Long> byKind(Map<PointKind, Long> points) {
    Map<String, Long> labels = new LinkedHashMap<>();
    points.forEach((kind, n) -> labels.put(kind.label(), n));
    return labels;
  }
}
