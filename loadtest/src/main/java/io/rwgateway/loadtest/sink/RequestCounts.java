package io.rwgateway.loadtest.sink;

/**
 * What one decoded request carried.
 *
 * @param rejectedSeries series the decoder refused (invalid labels ...); the rest is counted
 * @param rejectReasons  a one-line summary of why, empty when nothing was refused
 */
public record RequestCounts(WireProtocol protocol, long bytes, long decodedBytes, long series,
    long samples, long histograms, long exemplars, long metadata, long rejectedSeries,
    String rejectReasons) {}
