package io.rwgateway.translators.codec;

/**
 * One outgoing request body, snappy block compressed, with what it carries (for metrics and to
 * check the RW 2.0 {@code X-Prometheus-Remote-Write-*-Written} answer against).
 *
 * @param body              snappy-compressed protobuf, ready to POST
 * @param uncompressedBytes size of the protobuf before compression
 */
public record EncodedRequest(byte[] body, int uncompressedBytes, long series, long samples,
    long histograms, long exemplars) {}
