package io.rwgateway.translators.wire;

import static io.rwgateway.translators.wire.WireReader.FIXED64;
import static io.rwgateway.translators.wire.WireReader.LENGTH_DELIMITED;
import static io.rwgateway.translators.wire.WireReader.VARINT;

/**
 * Tags ({@code field << 3 | wireType}) of the {@code Histogram} and {@code BucketSpan} messages,
 * fields 1-16 identical in RW 1.0 and RW 2.0, 17 in RW 2.0 only (remote-write.md §1.4, §2.3).
 * Repeated scalars carry their packed (length-delimited) tag; readers also accept them unpacked.
 */
final class HistogramFields {
  static final int COUNT_INT = 1 << 3 | VARINT;
  static final int COUNT_FLOAT = 2 << 3 | FIXED64;
  static final int SUM = 3 << 3 | FIXED64;
  static final int SCHEMA = 4 << 3 | VARINT;
  static final int ZERO_THRESHOLD = 5 << 3 | FIXED64;
  static final int ZERO_COUNT_INT = 6 << 3 | VARINT;
  static final int ZERO_COUNT_FLOAT = 7 << 3 | FIXED64;
  static final int NEGATIVE_SPANS = 8 << 3 | LENGTH_DELIMITED;
  static final int NEGATIVE_DELTAS = 9 << 3 | LENGTH_DELIMITED;
  static final int NEGATIVE_COUNTS = 10 << 3 | LENGTH_DELIMITED;
  static final int POSITIVE_SPANS = 11 << 3 | LENGTH_DELIMITED;
  static final int POSITIVE_DELTAS = 12 << 3 | LENGTH_DELIMITED;
  static final int POSITIVE_COUNTS = 13 << 3 | LENGTH_DELIMITED;
  static final int RESET_HINT = 14 << 3 | VARINT;
  static final int TIMESTAMP = 15 << 3 | VARINT;
  static final int CUSTOM_VALUES = 16 << 3 | LENGTH_DELIMITED;
  static final int START_TIMESTAMP = 17 << 3 | VARINT;
  static final int SPAN_OFFSET = 1 << 3 | VARINT;
  static final int SPAN_LENGTH = 2 << 3 | VARINT;

  private HistogramFields() {}
}
