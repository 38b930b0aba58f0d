package io.rwgateway.translators.rw1;

import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.wire.WireReader;

/**
 * Reads one RW 1.0 {@code Label{name = 1, value = 2}} (series and exemplar labels alike), turning
 * the bytes into shared strings through the {@link StringInterner} without copying them first.
 * Bytes that are not UTF-8 leave {@link #valid} false (the series is then rejected; remote-write.md
 * §1.5). As in any proto3 message, a repeated field's last occurrence wins.
 */
final class LabelReader {
  private static final int NAME = 1 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int VALUE = 2 << 3 | WireReader.LENGTH_DELIMITED;

  private final StringInterner interner;
  String name;
  String value;
  boolean valid;

  LabelReader(StringInterner interner) {
    this.interner = interner;
  }

  /** Reads the label message the reader has entered, to its end. */
  void read(WireReader r) throws InvalidPayloadException {
    name = "";
    value = "";
    valid = true;
    while (r.hasMore()) {
      int tag = r.readTag();
      if (tag == NAME) {
        name = string(r);
      } else if (tag == VALUE) {
        value = string(r);
      } else {
        r.skip(tag);
      }
    }
  }

  private String string(WireReader r) throws InvalidPayloadException {
    int len = r.readLength();
    int off = r.position();
    r.skipBytes(len);
    String s = interner.intern(r.buffer(), off, len);
    if (s == null) {
      valid = false;
      return "";
    }
    return s;
  }
}
