package io.rwgateway.translators.model;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One generation of the {@link SymbolDictionary}: a fixed-size, insert-only table from UTF-8
 * bytes to dense int ids, shared by every ingest thread without a lock.
 *
 * <p>Id 0 is always the empty string, as index 0 of a RW 2.0 symbol table is (remote-write.md
 * §2.4 "Symbols"). An id is published by one compare-and-set of its slot (with its hash) after its bytes
 * were written, so a thread that finds the id in the table (an acquire read), or receives it in a
 * batch handed over through a queue, sees the bytes. Two threads adding the same new string race
 * on the slot; the loser uses the winner's id and its own id stays unused (a hole, counted in the
 * capacity). The table never grows or moves: that is what keeps it lock-free; the dictionary
 * starts a bigger generation instead.
 *
 * <p>{@link #string(int)} makes the {@code String} on first use and keeps it: stages that still
 * work on strings (a regex on a value seen for the first time) pay for it once per id.
 */
public final class SymbolGeneration {
  /** {@link #intern} result: the bytes are not valid UTF-8 (remote-write.md §1.5); nothing kept. */
  public static final int INVALID_UTF8 = -1;
  /** {@link #intern} result: no room for a new string; intern into {@link SymbolDictionary#advance}. */
  public static final int FULL = -2;

  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final byte[] EMPTY = new byte[0];

  private final long number;
  private final int capacity;
  private final long maxBytes;
  /**
   * Per slot: the string's hash in the high 32 bits, id + 1 in the low 32; 0 = empty. Open
   * addressing, linear probing, load at most 1/2. The hash sits in the slot so that a probe that
   * meets another string is decided without reading that string (one cache miss less per lookup
   * at 1 M strings: docs/benchmarks.md "Speed at scale").
   */
  private final long[] slots;
  private final byte[][] bytes;
  private final String[] strings;
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final AtomicLong usedBytes = new AtomicLong();

  SymbolGeneration(long number, int capacity, long maxBytes) {
    this.number = number;
    this.capacity = capacity;
    this.maxBytes = maxBytes;
    this.slots = new long[Integer.highestOneBit(capacity * 2 - 1) << 1];
    this.bytes = new byte[capacity][];
    this.strings = new String[capacity];
    bytes[0] = EMPTY;
    strings[0] = "";
  }

  /**
   * The id of {@code buf[off, off+len)}, adding it if new: an id {@code >= 0}, or {@link
   * #INVALID_UTF8}, or {@link #FULL} when the string is new and this generation has no room.
   */
  public int intern(byte[] buf, int off, int len) {
    if (len == 0) {
      return 0;
    }
    int h = ByteSlices.hash(buf, off, len);
    int mask = slots.length - 1;
    int i = spread(h) & mask;
    int mine = -1; // an id made for these bytes but not yet in the table
    while (true) {
      long slot = (long) SLOTS.getAcquire(slots, i);
      if (slot == 0) {
        if (mine < 0) {
          mine = add(buf, off, len);
          if (mine < 0) {
            return mine;
          }
        }
        long witness = (long) SLOTS.compareAndExchange(slots, i, 0L, (long) h << 32 | (mine + 1));
        if (witness == 0) {
          return mine;
        }
        slot = witness; // another thread took this slot first: look at what it put there
      }
      int id = (int) slot - 1;
      byte[] k;
      if ((int) (slot >>> 32) == h && (k = bytes[id]).length == len && ByteSlices.sameBytes(k, buf, off, len)) {
        if (mine >= 0) {
          bytes[mine] = null; // the same string won the race: our id stays a hole
        }
        return id;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * As {@link #intern}, for a batch being built in this generation: a full generation throws
   * {@link GenerationFullException} (the batch starts over, {@link SymbolDictionary#inGeneration})
   * instead of answering {@link #FULL}. Returns an id {@code >= 0} or {@link #INVALID_UTF8}.
   */
  public int internInBatch(byte[] buf, int off, int len) {
    int id = intern(buf, off, len);
    if (id == FULL) {
      throw GenerationFullException.INSTANCE;
    }
    return id;
  }

  /** A new id holding a copy of the bytes, not yet in the table; or INVALID_UTF8 / FULL. */
  private int add(byte[] buf, int off, int len) {
    if (!Utf8Validator.isValid(buf, off, len)) {
      return INVALID_UTF8;
    }
    if (nextId.get() >= capacity || usedBytes.get() + len > maxBytes) {
      return FULL;
    }
    int id = nextId.getAndIncrement();
    if (id >= capacity) {
      return FULL;
    }
    usedBytes.addAndGet(len);
    bytes[id] = Arrays.copyOfRange(buf, off, off + len);
    return id;
  }

  /** Spreads the hash's bits over the slot index (its low bits pick the slot). */
  private static int spread(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }

  /** The string of an id this generation returned. */
  public String string(int id) {
    String s = strings[id];
    if (s == null) {
      // Racy but benign: two threads may each make an equal String; either is right.
      s = new String(bytes[id], StandardCharsets.UTF_8);
      strings[id] = s;
    }
    return s;
  }

  /** The UTF-8 bytes of an id this generation returned. Shared: never modify. */
  public byte[] utf8(int id) {
    return bytes[id];
  }

  /** Which generation this is (0 for the first). */
  public long number() {
    return number;
  }

  /** Ids this generation can hand out, holes and id 0 included. */
  public int capacity() {
    return capacity;
  }

  /** Ids handed out so far, holes included. */
  public int size() {
    return Math.min(nextId.get(), capacity);
  }

  /** UTF-8 bytes held. */
  public long bytesUsed() {
    return usedBytes.get();
  }
}
