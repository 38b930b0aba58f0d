package io.rwgateway.translators.rw1;

import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.model.SymbolGeneration;
import io.rwgateway.translators.model.SymbolTableBuilder;
import io.rwgateway.translators.wire.WireReader;
import java.util.Arrays;

/**
 * The labels of the series being decoded, read with a guess (architecture.md "Performance
 * principles"). Senders write series in label order, so a label is usually the same, or has the
 * same name, as the label at the same position in the series before it: the same job and
 * instance throughout, the same metric name across a histogram's buckets, the same names in
 * every series of a family. So each position keeps what it last held in this request, and:
 *
 * <ul>
 *   <li>a {@code Label} message whose bytes equal the one last read at its position changes
 *       nothing: its dictionary ids and batch symbol refs are already there (one compare per label);
 *   <li>otherwise each string whose bytes equal the position's previous string keeps that id
 *       and ref; any other string is looked up, by its bytes, in the request's
 *       {@link SymbolGeneration} (docs/dictionary.md step 2: no {@code String} is made; one is
 *       only made when a check asks for it, {@link #string}, once per id).
 * </ul>
 *
 * Guesses compare bytes of the one request buffer and are forgotten between requests.
 *
 * <p>Label {@code i}'s name is slot {@code 2i}, its value slot {@code 2i + 1}. As in any proto3
 * message, a repeated field's last occurrence wins and a missing one is "". Bytes that are not
 * UTF-8 clear {@link #utf8()} (the series is then rejected, remote-write.md §1.5) and are never
 * guessed from. Not thread-safe.
 */
final class SeriesLabels {
  private static final int NAME = 1 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int VALUE = 2 << 3 | WireReader.LENGTH_DELIMITED;
  private static final int UNKNOWN_REF = -1;
  /** Offset of bytes that must not be guessed from (not UTF-8). */
  private static final int NO_GUESS = -1;

  private SymbolGeneration generation;
  // Per slot: the dictionary id, where its bytes are, its batch ref (or UNKNOWN_REF).
  private int[] ids = new int[32];
  private int[] offsets = new int[32];
  private int[] lengths = new int[32];
  private int[] refs = new int[32];
  // Per label: where its whole message is.
  private int[] labelOffsets = new int[16];
  private int[] labelLengths = new int[16];
  /** Labels positions written in this request: only those hold guesses. */
  private int filled;
  private int count;
  private boolean utf8;
  private boolean sameNames;
  private int previousCount;
  private boolean previousInOrder;

  /** Forgets every guess (they compare bytes of one request buffer); ids go into {@code generation}. */
  void startRequest(SymbolGeneration generation) {
    this.generation = generation;
    filled = 0;
    previousCount = 0;
    previousInOrder = false;
  }

  void startSeries() {
    count = 0;
    utf8 = true;
    sameNames = true;
  }

  /** Reads the {@code Label} message the reader has entered, to its end. */
  void read(WireReader r) throws InvalidPayloadException {
    int label = count;
    if (label == labelOffsets.length) {
      grow();
    }
    byte[] buf = r.buffer();
    int start = r.position();
    int len = r.limit() - start;
    count++;
    if (label < filled && labelLengths[label] == len && labelOffsets[label] != NO_GUESS
        && Bytes.equal(buf, labelOffsets[label], start, len)) {
      r.skipTo(start + len);
      return; // the same label as last time at this position: name, value and refs stand
    }
    int oldName = label < filled ? ids[2 * label] : -1;
    boolean utf8Before = utf8;
    utf8 = true;
    if (!readPlain(r, 2 * label)) {
      readAnyShape(r, 2 * label);
    }
    labelOffsets[label] = utf8 ? start : NO_GUESS;
    labelLengths[label] = len;
    utf8 &= utf8Before;
    sameNames &= ids[2 * label] == oldName;
    filled = Math.max(filled, label + 1);
  }

  /**
   * The shape every sender writes: name (field 1) then value (field 2), each shorter than 128
   * bytes so its length is one byte, and nothing else. Read straight from the buffer, every
   * byte checked against the message's end; false (nothing read) for any other shape.
   */
  private boolean readPlain(WireReader r, int slot) {
    byte[] buf = r.buffer();
    int p = r.position();
    int end = r.limit();
    if (end - p < 4 || buf[p] != NAME || buf[p + 1] < 0) {
      return false;
    }
    int nameLen = buf[p + 1];
    int v = p + 2 + nameLen;
    if (v > end - 2 || buf[v] != VALUE || buf[v + 1] < 0 || v + 2 + buf[v + 1] != end) {
      return false;
    }
    string(buf, slot, p + 2, nameLen);
    string(buf, slot + 1, v + 2, buf[v + 1]);
    r.skipTo(end);
    return true;
  }

  /** Any valid {@code Label}: fields in any order, repeated (last wins), missing ("") or unknown. */
  private void readAnyShape(WireReader r, int slot) throws InvalidPayloadException {
    boolean name = false;
    boolean value = false;
    while (r.hasMore()) {
      int tag = r.readTag();
      if (tag == NAME || tag == VALUE) {
        int len = r.readLength();
        int off = r.position();
        r.skipBytes(len);
        string(r.buffer(), tag == NAME ? slot : slot + 1, off, len);
        name |= tag == NAME;
        value |= tag == VALUE;
      } else {
        r.skip(tag);
      }
    }
    if (!name) {
      set(slot, 0, 0, 0, 0);
    }
    if (!value) {
      set(slot + 1, 0, 0, 0, 0);
    }
  }

  private void string(byte[] buf, int slot, int off, int len) {
    if (slot < 2 * filled && lengths[slot] == len && offsets[slot] != NO_GUESS
        && Bytes.equal(buf, offsets[slot], off, len)) {
      return; // same string as last time at this slot
    }
    int id = generation.internInBatch(buf, off, len);
    if (id == SymbolGeneration.INVALID_UTF8) {
      utf8 = false;
      set(slot, 0, NO_GUESS, len, UNKNOWN_REF);
    } else {
      set(slot, id, off, len, len == 0 ? 0 : UNKNOWN_REF);
    }
  }

  private void set(int slot, int id, int off, int len, int ref) {
    ids[slot] = id;
    offsets[slot] = off;
    lengths[slot] = len;
    refs[slot] = ref;
  }

  private void grow() {
    int labels = labelOffsets.length * 2;
    labelOffsets = Arrays.copyOf(labelOffsets, labels);
    labelLengths = Arrays.copyOf(labelLengths, labels);
    ids = Arrays.copyOf(ids, 2 * labels);
    offsets = Arrays.copyOf(offsets, 2 * labels);
    lengths = Arrays.copyOf(lengths, 2 * labels);
    refs = Arrays.copyOf(refs, 2 * labels);
  }

  int count() {
    return count;
  }

  boolean utf8() {
    return utf8;
  }

  /** The slot's dictionary id (0 for bytes that are not UTF-8). */
  int id(int slot) {
    return ids[slot];
  }

  /** The slot's string, made on first use of its id ("" for bytes that are not UTF-8). */
  String string(int slot) {
    return generation.string(ids[slot]);
  }

  /** True when the slot's value is not empty and, counted in UTF-16 chars, at most {@code max} long. */
  boolean nonEmptyWithin(int slot, int max) {
    int len = lengths[slot];
    // UTF-8 never has fewer bytes than UTF-16 chars: within max bytes is within max chars.
    return len > 0 && (len <= max || string(slot).length() <= max);
  }

  /**
   * True when this series has the same names in the same order as the previous one, which was
   * accepted with every label kept in the order it came: the label set checks on names then
   * give the same answer again, and only the values remain to be checked.
   */
  boolean namesAsAcceptedBefore() {
    return sameNames && count == previousCount && previousInOrder;
  }

  /** The batch symbol ref of a slot's string, interning it into {@code symbols} when unknown. */
  int ref(int slot, SymbolTableBuilder symbols) {
    int ref = refs[slot];
    if (ref == UNKNOWN_REF) {
      ref = symbols.internId(ids[slot]);
      refs[slot] = ref;
    }
    return ref;
  }

  /**
   * Ends the series: its labels are the guesses for the next one.
   *
   * @param acceptedInOrder the series was accepted with every label kept in the order read
   */
  void finishSeries(boolean acceptedInOrder) {
    previousCount = count;
    previousInOrder = acceptedInOrder;
  }
}
