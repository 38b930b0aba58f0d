package io.rwgateway.loadtest.workload;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Splits {@code --series} into units of each kind so that the series add up to exactly the asked
 * count and each kind's share is as close to the mix as whole units allow (a classic histogram
 * unit is 10 series). Counters and gauges, one series per unit, absorb the rounding. Units of all
 * kinds are interleaved, so any strided subset (a sender shard) keeps the same mix.
 */
public final class TypeLayout {
  private final SeriesKind[] kinds;
  private final int[] kindIndexes;
  private final Map<SeriesKind, Integer> unitsPerKind;
  private final int totalSeries;

  public TypeLayout(int series, TypeMix mix) {
    Map<SeriesKind, Integer> units = new EnumMap<>(SeriesKind.class);
    int used = 0;
    for (SeriesKind k : new SeriesKind[] {SeriesKind.HISTOGRAM, SeriesKind.SUMMARY, SeriesKind.NATIVE}) {
      int n = (int) Math.round(series * mix.share(k) / k.seriesPerUnit());
      units.put(k, n);
      used += n * k.seriesPerUnit();
    }
    // Too many grouped series after rounding: take whole units back from the biggest.
    while (used > series) {
      SeriesKind biggest = units.get(SeriesKind.HISTOGRAM) > 0 ? SeriesKind.HISTOGRAM
          : units.get(SeriesKind.SUMMARY) > 0 ? SeriesKind.SUMMARY : SeriesKind.NATIVE;
      units.put(biggest, units.get(biggest) - 1);
      used -= biggest.seriesPerUnit();
    }
    int rest = series - used;
    double c = mix.share(SeriesKind.COUNTER);
    double g = mix.share(SeriesKind.GAUGE);
    int counters;
    if (c + g > 0) {
      counters = (int) Math.round(rest * c / (c + g));
    } else {
      counters = 0;
    }
    units.put(SeriesKind.COUNTER, counters);
    units.put(SeriesKind.GAUGE, rest - counters);
    if (c + g == 0 && rest > 0 && mix.share(SeriesKind.NATIVE) > 0) {
      units.put(SeriesKind.GAUGE, 0);
      units.put(SeriesKind.NATIVE, units.get(SeriesKind.NATIVE) + rest);
    }
    this.unitsPerKind = units;
    this.totalSeries = series;
    record Slot(double key, SeriesKind kind, int index) {}
    List<Slot> slots = new ArrayList<>();
    for (Map.Entry<SeriesKind, Integer> e : units.entrySet()) {
      int n = e.getValue();
      for (int i = 0; i < n; i++) {
        slots.add(new Slot((i + 0.5) / n, e.getKey(), i));
      }
    }
    slots.sort((a, b) -> a.key != b.key ? Double.compare(a.key, b.key) : a.kind.compareTo(b.kind));
    this.kinds = new SeriesKind[slots.size()];
    this.kindIndexes = new int[slots.size()];
    for (int i = 0; i < slots.size(); i++) {
      kinds[i] = slots.get(i).kind;
      kindIndexes[i] = slots.get(i).index;
    }
  }

  public int units() {
    return kinds.length;
  }

  public SeriesKind kind(int unit) {
    return kinds[unit];
  }

  /** Position of the unit among the units of its kind (decides its metric family). */
  public int kindIndex(int unit) {
    return kindIndexes[unit];
  }

  public int unitsOf(SeriesKind kind) {
    return unitsPerKind.getOrDefault(kind, 0);
  }

  public int seriesOf(SeriesKind kind) {
    return unitsOf(kind) * kind.seriesPerUnit();
  }

  public int totalSeries() {
    return totalSeries;
  }
}
