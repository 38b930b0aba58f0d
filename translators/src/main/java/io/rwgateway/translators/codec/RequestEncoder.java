package io.rwgateway.translators.codec;

import io.rwgateway.translators.model.MetricBatch;
import java.util.List;

/**
 * Encodes batches into one outgoing request of a wire format. The batches are merged into that
 * one request (for RW 2.0 with one symbol table shared by all of them: this is where RW 2.0 saves
 * bytes). Implementations are stateless and thread-safe.
 */
public interface RequestEncoder {
  EncodedRequest encode(List<MetricBatch> batches);
}
