package io.rwgateway.loadtest.workload;

import java.util.EnumMap;
import java.util.Map;

/**
 * Share of series per kind, from {@code --mix counter=40,gauge=40,histogram=10,native=5,summary=5}.
 * Weights need not add up to 100: they are normalised; kinds not named get 0.
 */
public record TypeMix(Map<SeriesKind, Double> weights) {
  public static final TypeMix DEFAULT = parse("counter=40,gauge=40,histogram=10,native=5,summary=5");

  public TypeMix {
    weights = Map.copyOf(weights);
  }

  public static TypeMix parse(String text) {
    Map<SeriesKind, Double> w = new EnumMap<>(SeriesKind.class);
    for (SeriesKind k : SeriesKind.values()) {
      w.put(k, 0.0);
    }
    double total = 0;
    for (String part : text.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("cannot parse --mix \"" + text + "\": expected kind=weight, got \"" + p + "\"");
      }
      SeriesKind kind = kindOf(p.substring(0, eq).trim(), text);
      double v;
      try {
        v = Double.parseDouble(p.substring(eq + 1).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("cannot parse --mix \"" + text + "\": weight of " + kind.flagName() + " is not a number");
      }
      if (v < 0) {
        throw new IllegalArgumentException("cannot parse --mix \"" + text + "\": negative weight for " + kind.flagName());
      }
      w.put(kind, v);
      total += v;
    }
    if (total <= 0) {
      throw new IllegalArgumentException("cannot parse --mix \"" + text + "\": weights add up to 0");
    }
    return new TypeMix(w);
  }

  private static SeriesKind kindOf(String name, String text) {
    for (SeriesKind k : SeriesKind.values()) {
      if (k.flagName().equals(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException("cannot parse --mix \"" + text + "\": unknown kind \"" + name
        + "\" (counter, gauge, histogram, native, summary)");
  }

  /** The share of series (0..1) asked for a kind. */
  public double share(SeriesKind kind) {
    double total = 0;
    for (double v : weights.values()) {
      total += v;
    }
    return weights.getOrDefault(kind, 0.0) / total;
  }
}
