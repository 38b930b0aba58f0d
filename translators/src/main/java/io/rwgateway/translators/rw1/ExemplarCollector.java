package io.rwgateway.translators.rw1;

import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.model.Exemplar;
import io.rwgateway.translators.model.SymbolTableBuilder;
import io.rwgateway.translators.wire.LongList;
import io.rwgateway.translators.wire.WireReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the {@code Exemplar{labels = 1, value = 2, timestamp = 3}} messages of one series and
 * turns them into model exemplars once the series is known to be valid, so a rejected series
 * leaves no strings in the batch's symbol table. Exemplar labels share the batch's symbols
 * (remote-write.md §3.3.1). Values keep their raw bits. Reused per series; not thread-safe.
 */
final class ExemplarCollector {
  private static final int LABEL = 1 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int VALUE = 2 << 3 | WireReader.FIXED64;
  private static final int TIMESTAMP = 3 << 3 | WireReader.VARINT;

  private final LabelReader label;
  /** Label strings of all exemplars, name, value, name, value, ... */
  private String[] strings = new String[16];
  private int stringCount;
  /** Per exemplar: index of its first string, value bits, timestamp. */
  private final LongList starts = new LongList(4);
  private final LongList values = new LongList(4);
  private final LongList timestamps = new LongList(4);
  private boolean valid;

  ExemplarCollector(LabelReader label) {
    this.label = label;
  }

  void clear() {
    stringCount = 0;
    starts.clear();
    values.clear();
    timestamps.clear();
    valid = true;
  }

  int count() {
    return starts.size();
  }

  /** False when an exemplar label was not UTF-8. */
  boolean valid() {
    return valid;
  }

  /** Reads the exemplar message the reader has entered, to its end. */
  void read(WireReader r) throws InvalidPayloadException {
    starts.add(stringCount);
    long value = 0;
    long timestamp = 0;
    while (r.hasMore()) {
      int tag = r.readTag();
      if (tag == LABEL) {
        int outer = r.enter();
        label.read(r);
        r.exit(outer);
        valid &= label.valid;
        add(label.name);
        add(label.value);
      } else if (tag == VALUE) {
        value = r.readFixed64();
      } else if (tag == TIMESTAMP) {
        timestamp = r.readVarint();
      } else {
        r.skip(tag);
      }
    }
    values.add(value);
    timestamps.add(timestamp);
  }

  private void add(String s) {
    if (stringCount == strings.length) {
      strings = Arrays.copyOf(strings, stringCount * 2);
    }
    strings[stringCount++] = s;
  }

  /** The collected exemplars, their labels interned into {@code symbols}. */
  List<Exemplar> build(SymbolTableBuilder symbols) {
    int n = starts.size();
    if (n == 0) {
      return List.of();
    }
    List<Exemplar> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int from = (int) starts.get(i);
      int to = i + 1 < n ? (int) starts.get(i + 1) : stringCount;
      int[] refs = new int[to - from];
      for (int j = from; j < to; j++) {
        refs[j - from] = symbols.intern(strings[j]);
      }
      out.add(new Exemplar(refs, values.get(i), timestamps.get(i)));
    }
    return out;
  }
}
