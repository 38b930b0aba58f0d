package io.rwgateway.benchmarks.egress;

import io.rwgateway.translators.codec.RequestEncoder;
import io.rwgateway.translators.metadata.MetadataDetail;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.model.SeriesCoalescer;
import io.rwgateway.translators.model.SymbolTable;
import io.rwgateway.translators.model.SymbolTableBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's egress batching replayed on a capture's clock: per-shard accumulators that flush
 * when their oldest batch is {@code maxDelayMillis} old or at 10,000 samples (EncodingGroup,
 * ShardAccumulator), with the variables under study as switches.
 *
 * @param layout how the series of an outgoing request are laid out before encoding
 */
record ReplayBatching(long maxDelayMillis, int shards, ShardKey shardKey, Layout layout, MetadataDetail metadata) {
  /** The replay clock in nanoseconds, for encoders with a time-based cadence. */
  static final AtomicLong CLOCK = new AtomicLong();
  private static final int MAX_SAMPLES = 10_000;

  enum ShardKey {
    SERIES("all labels (the gateway)"), FAMILY("metric name");

    final String text;

    ShardKey(String text) {
      this.text = text;
    }
  }

  enum Layout {
    AS_RECEIVED("as received"), SORTED("sorted by labels"), COALESCED("one series per label set (the gateway)");

    final String text;

    Layout(String text) {
      this.text = text;
    }
  }

  /** Compressed bytes of every request the replay sends. */
  long replay(List<CapturedRequest> capture, RequestEncoder encoder) {
    List<List<MetricBatch>> pending = new ArrayList<>();
    long[] first = new long[shards];
    long[] samples = new long[shards];
    for (int i = 0; i < shards; i++) {
      pending.add(new ArrayList<>());
    }
    long out = 0;
    for (CapturedRequest r : capture) {
      CLOCK.set(r.receivedMillis() * 1_000_000L);
      for (int i = 0; i < shards; i++) {
        if (!pending.get(i).isEmpty() && r.receivedMillis() - first[i] >= maxDelayMillis) {
          out += flush(pending.get(i), encoder);
          samples[i] = 0;
        }
      }
      List<List<Series>> parts = split(r.batch());
      for (int i = 0; i < shards; i++) {
        if (parts.get(i).isEmpty()) {
          continue;
        }
        if (pending.get(i).isEmpty()) {
          first[i] = r.receivedMillis();
        }
        MetricBatch part = new MetricBatch(r.batch().symbols(), parts.get(i));
        pending.get(i).add(part);
        samples[i] += part.sampleCount() + part.histogramCount();
        if (samples[i] >= MAX_SAMPLES) {
          out += flush(pending.get(i), encoder);
          samples[i] = 0;
        }
      }
    }
    for (List<MetricBatch> p : pending) {
      if (!p.isEmpty()) {
        out += flush(p, encoder);
      }
    }
    return out;
  }

  private List<List<Series>> split(MetricBatch batch) {
    List<List<Series>> parts = new ArrayList<>();
    for (int i = 0; i < shards; i++) {
      parts.add(new ArrayList<>());
    }
    for (Series s : batch.series()) {
      int h = 1;
      if (shardKey == ShardKey.FAMILY) {
        String name = batch.labelValue(s, "__name__");
        h = name == null ? 0 : name.hashCode();
      } else {
        for (int ref : s.labelRefs()) {
          h = 31 * h + batch.symbol(ref).hashCode();
        }
      }
      h ^= h >>> 16;
      parts.get(Math.floorMod(h * 0x9E3779B1, shards)).add(s);
    }
    return parts;
  }

  private long flush(List<MetricBatch> pending, RequestEncoder encoder) {
    List<MetricBatch> batches = metadata.apply(List.copyOf(pending));
    pending.clear();
    batches = switch (layout) {
      case AS_RECEIVED -> batches;
      case SORTED -> List.of(sorted(batches));
      case COALESCED -> SeriesCoalescer.coalesce(batches);
    };
    return encoder.encode(batches).body().length;
  }

  /** All series in one symbol table, stably sorted by their label strings (a series keeps its sample order). */
  private static MetricBatch sorted(List<MetricBatch> batches) {
    SymbolTableBuilder st = new SymbolTableBuilder();
    st.intern("");
    List<Series> all = new ArrayList<>();
    for (MetricBatch b : batches) {
      for (Series s : b.series()) {
        int[] refs = s.labelRefs().clone();
        for (int i = 0; i < refs.length; i++) {
          refs[i] = st.intern(b.symbol(refs[i]));
        }
        all.add(s.relinked(refs, st.intern(b.symbol(s.helpRef())), st.intern(b.symbol(s.unitRef())), s.exemplars()));
      }
    }
    SymbolTable table = st.build();
    all.sort((a, c) -> {
      int[] x = a.labelRefs();
      int[] y = c.labelRefs();
      for (int i = 0; i < Math.min(x.length, y.length); i++) {
        int k = table.get(x[i]).compareTo(table.get(y[i]));
        if (k != 0) {
          return k;
        }
      }
      return Integer.compare(x.length, y.length);
    });
    return new MetricBatch(table, all);
  }

  @Override
  public String toString() {
    return Arrays.asList(maxDelayMillis, shards, shardKey, layout, metadata).toString();
  }
}
