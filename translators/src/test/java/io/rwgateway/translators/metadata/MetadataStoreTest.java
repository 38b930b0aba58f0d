package io.rwgateway.translators.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import io.rwgateway.translators.model.MetricType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MetadataStoreTest {
  private static final Duration TTL = Duration.ofMinutes(10);

  private final FakeTicker ticker = new FakeTicker();
  private final MetadataStore store = new MetadataStore(100, TTL, ticker);

  private static FamilyMetadata meta(MetricType type, String help) {
    return new FamilyMetadata(type, help, "");
  }

  @Test
  void resolvesExactFamilyOfAnyType() {
    for (MetricType t : MetricType.values()) {
      store.put("family_" + t, meta(t, "help " + t));
    }
    for (MetricType t : MetricType.values()) {
      assertThat(store.resolve("family_" + t)).isEqualTo(meta(t, "help " + t));
    }
  }

  @Test
  void resolvesCounterTotalSeriesToOpenMetricsFamily() {
    store.put("demo_requests", meta(MetricType.COUNTER, "Requests served."));
    assertThat(store.resolve("demo_requests_total")).isEqualTo(meta(MetricType.COUNTER, "Requests served."));
    assertThat(store.resolve("demo_requests")).isEqualTo(meta(MetricType.COUNTER, "Requests served."));
  }

  @Test
  void resolvesTextFormatCounterByExactNameOnly() {
    store.put("go_memstats_frees_total", meta(MetricType.COUNTER, "frees"));
    assertThat(store.resolve("go_memstats_frees_total")).isEqualTo(meta(MetricType.COUNTER, "frees"));
    // Prometheus strips _total from the family too: "foo_total" does not own "foo_total_total".
    assertThat(store.resolve("go_memstats_frees_total_total")).isNull();
    assertThat(store.resolve("go_memstats_frees")).isNull();
  }

  @Test
  void resolvesHistogramSuffixes() {
    store.put("rpc_seconds", meta(MetricType.HISTOGRAM, "latency"));
    for (String name : List.of("rpc_seconds", "rpc_seconds_bucket", "rpc_seconds_sum", "rpc_seconds_count")) {
      assertThat(store.resolve(name)).as(name).isEqualTo(meta(MetricType.HISTOGRAM, "latency"));
    }
    assertThat(store.resolve("rpc_seconds_gsum")).isNull();
    assertThat(store.resolve("rpc_seconds_total")).isNull();
  }

  @Test
  void resolvesGaugeHistogramSuffixes() {
    store.put("queue", meta(MetricType.GAUGEHISTOGRAM, "depth"));
    for (String name : List.of("queue_bucket", "queue_gsum", "queue_gcount")) {
      assertThat(store.resolve(name)).as(name).isEqualTo(meta(MetricType.GAUGEHISTOGRAM, "depth"));
    }
    assertThat(store.resolve("queue_sum")).isNull();
    assertThat(store.resolve("queue_count")).isNull();
  }

  @Test
  void resolvesSummarySuffixes() {
    store.put("gc_seconds", meta(MetricType.SUMMARY, "gc"));
    assertThat(store.resolve("gc_seconds_sum")).isEqualTo(meta(MetricType.SUMMARY, "gc"));
    assertThat(store.resolve("gc_seconds_count")).isEqualTo(meta(MetricType.SUMMARY, "gc"));
    assertThat(store.resolve("gc_seconds_bucket")).isNull();
  }

  @Test
  void resolvesInfoSuffix() {
    store.put("demo_build", meta(MetricType.INFO, "Build information."));
    assertThat(store.resolve("demo_build_info")).isEqualTo(meta(MetricType.INFO, "Build information."));
    store.put("target_info", meta(MetricType.INFO, "target"));
    assertThat(store.resolve("target_info")).isEqualTo(meta(MetricType.INFO, "target"));
    assertThat(store.resolve("target_info_info")).isNull();
  }

  @Test
  void doesNotJoinWhenTheTypeDoesNotOwnTheSuffix() {
    store.put("temperature", meta(MetricType.GAUGE, "t"));
    store.put("requests", meta(MetricType.COUNTER, "r"));
    store.put("feature", meta(MetricType.STATESET, "f"));
    store.put("plain", meta(MetricType.UNSPECIFIED, "p"));
    assertThat(store.resolve("temperature_total")).isNull();
    assertThat(store.resolve("temperature_sum")).isNull();
    assertThat(store.resolve("requests_count")).isNull();
    assertThat(store.resolve("requests_bucket")).isNull();
    assertThat(store.resolve("feature_info")).isNull();
    assertThat(store.resolve("plain_bucket")).isNull();
  }

  @Test
  void returnsNullForUnknownNames() {
    assertThat(store.resolve("nobody_knows_me")).isNull();
    assertThat(store.resolve("_total")).isNull();
  }

  @Test
  void changedMetadataReplacesTheCachedAnswer() {
    store.put("rpc_seconds", meta(MetricType.HISTOGRAM, "old"));
    assertThat(store.resolve("rpc_seconds_bucket")).isEqualTo(meta(MetricType.HISTOGRAM, "old"));
    store.put("rpc_seconds", meta(MetricType.HISTOGRAM, "new"));
    assertThat(store.resolve("rpc_seconds_bucket")).isEqualTo(meta(MetricType.HISTOGRAM, "new"));
    store.put("rpc_seconds", meta(MetricType.GAUGE, "new"));
    assertThat(store.resolve("rpc_seconds_bucket")).isNull();
  }

  @Test
  void newFamilyReplacesACachedMiss() {
    assertThat(store.resolve("gc_seconds_sum")).isNull();
    assertThat(store.hasCachedResolution("gc_seconds_sum")).isTrue();
    store.put("gc_seconds", meta(MetricType.SUMMARY, "gc"));
    assertThat(store.resolve("gc_seconds_sum")).isEqualTo(meta(MetricType.SUMMARY, "gc"));
  }

  @Test
  void exactFamilyTakesPrecedenceOnceKnown() {
    store.put("x", meta(MetricType.HISTOGRAM, "family x"));
    assertThat(store.resolve("x_count")).isEqualTo(meta(MetricType.HISTOGRAM, "family x"));
    store.put("x_count", meta(MetricType.GAUGE, "its own family"));
    assertThat(store.resolve("x_count")).isEqualTo(meta(MetricType.GAUGE, "its own family"));
  }

  @Test
  void identicalReputKeepsCachedAnswers() {
    store.put("rpc_seconds", meta(MetricType.HISTOGRAM, "latency"));
    store.resolve("rpc_seconds_bucket");
    store.resolve("rpc_seconds_sum");
    store.resolve("unrelated_total");
    store.put("rpc_seconds", new FamilyMetadata(MetricType.HISTOGRAM, "latency", ""));
    assertThat(store.hasCachedResolution("rpc_seconds_bucket")).isTrue();
    assertThat(store.hasCachedResolution("rpc_seconds_sum")).isTrue();
    assertThat(store.hasCachedResolution("unrelated_total")).isTrue();
  }

  @Test
  void changedPutDropsOnlyTheNamesTheFamilyCanOwn() {
    store.put("a", meta(MetricType.HISTOGRAM, "a"));
    store.put("b", meta(MetricType.HISTOGRAM, "b"));
    store.resolve("a_bucket");
    store.resolve("b_bucket");
    store.put("a", meta(MetricType.HISTOGRAM, "a2"));
    assertThat(store.hasCachedResolution("a_bucket")).isFalse();
    assertThat(store.hasCachedResolution("b_bucket")).isTrue();
  }

  @Test
  void forgetsFamiliesAfterTheTtl() {
    store.put("rpc_seconds", meta(MetricType.HISTOGRAM, "latency"));
    assertThat(store.resolve("rpc_seconds_bucket")).isNotNull();
    ticker.advance(TTL.plusSeconds(1));
    assertThat(store.resolve("rpc_seconds_bucket")).isNull();
    assertThat(store.resolve("rpc_seconds")).isNull();
    assertThat(store.size()).isZero();
  }

  @Test
  void identicalReputExtendsTheTtl() {
    store.put("rpc_seconds", meta(MetricType.HISTOGRAM, "latency"));
    assertThat(store.resolve("rpc_seconds_bucket")).isNotNull();
    ticker.advance(TTL.multipliedBy(3).dividedBy(4));
    store.put("rpc_seconds", meta(MetricType.HISTOGRAM, "latency"));
    ticker.advance(TTL.dividedBy(2));
    assertThat(store.resolve("rpc_seconds_bucket")).isEqualTo(meta(MetricType.HISTOGRAM, "latency"));
    assertThat(store.resolve("rpc_seconds_count")).isEqualTo(meta(MetricType.HISTOGRAM, "latency"));
    assertThat(store.size()).isEqualTo(1);
    ticker.advance(TTL);
    assertThat(store.resolve("rpc_seconds_bucket")).isNull();
  }

  @Test
  void keepsAtMostMaxFamilies() {
    MetadataStore small = new MetadataStore(2, TTL, ticker);
    List<String> names = List.of("a", "b", "c", "d");
    for (String n : names) {
      small.put(n, meta(MetricType.SUMMARY, n));
      small.resolve(n + "_sum"); // cache an answer that eviction must drop
    }
    assertThat(small.size()).isEqualTo(2);
    List<String> known = new ArrayList<>();
    for (String n : names) {
      if (small.resolve(n + "_sum") != null) {
        known.add(n);
      }
    }
    assertThat(known).hasSize(2);
  }

  @Test
  void refusesNonPositiveBounds() {
    assertThatThrownBy(() -> new MetadataStore(0, TTL)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MetadataStore(10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentPutsAndResolvesEndWithTheLastPut() throws InterruptedException {
    MetadataStore shared = new MetadataStore(100, TTL);
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Thread t = new Thread(() -> {
        for (int j = 0; j < 20_000; j++) {
          shared.resolve("rpc_seconds_bucket");
        }
      });
      readers.add(t);
      t.start();
    }
    for (int j = 0; j < 2_000; j++) {
      shared.put("rpc_seconds", meta(MetricType.HISTOGRAM, "v" + j));
    }
    for (Thread t : readers) {
      t.join();
    }
    assertThat(shared.resolve("rpc_seconds_bucket")).isEqualTo(meta(MetricType.HISTOGRAM, "v1999"));
  }

  private static final class FakeTicker implements Ticker {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long read() {
      return nanos.get();
    }

    void advance(Duration d) {
      nanos.addAndGet(d.toNanos());
    }
  }
}
