package io.rwgateway.translators.codec;

import io.rwgateway.translators.model.MetricBatch;

/**
 * The result of decoding one request: the valid series as a batch and what was left out.
 *
 * @param metadataEntries RW 1.0 {@code metadata} entries the request carried (0 for RW 2.0)
 */
public record DecodedRequest(MetricBatch batch, Rejections rejections, int metadataEntries) {}
