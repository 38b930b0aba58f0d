package io.rwgateway.loadtest.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels shaped like a Prometheus scrape of Kubernetes pods (or of static targets), as the
 * captured Prometheus traffic has them: series grouped in targets of about
 * {@link WorkloadSpec#SERIES_PER_TARGET} series that share their target labels ({@code job},
 * {@code instance="10.a.b.c:port"}, and with {@link LabelShape#KUBERNETES} {@code namespace},
 * {@code pod="<app>-<template hash>-<5 chars>"}, {@code container}); in a target, metric families
 * of about 40-character names ({@link MetricNames}), most of one series, some of 2 to 8 told apart
 * by labels such as {@code code}, {@code method}, {@code handler}, {@code cpu}/{@code mode},
 * {@code reason}; classic histograms with real bucket layouts ({@code le}); labels sorted by name.
 * Targets of one job (4 replicas) expose the same families; 2 families in 5 are the common ones
 * every job has ({@code go_memstats_...}, {@code process_...}), the others are the job's own.
 *
 * <p>Unit {@code u} of the {@link TypeLayout} belongs to target {@code u * T / units} (contiguous
 * blocks, so a target holds the layout's kind mix); its rank among the target's units of its kind
 * gives its family and its member index in the family. Everything is a function of the unit, its
 * generation and the seed. A new generation (churn) gives the unit's series a new pod name and
 * address, as a restarted pod gets.
 */
final class RealisticLabels {
  private static final String[] APPS = {"checkout", "payments", "cart", "frontend", "search", "auth",
      "orders", "inventory", "notifications", "billing", "recommendations", "shipping", "catalog",
      "user-profile", "ledger", "api-gateway", "node-exporter", "kube-state-metrics", "coredns",
      "ingress-nginx-controller", "redis-exporter", "postgres-exporter", "alertmanager", "grafana"};
  private static final String[] NAMESPACES = {"shop", "payments", "default", "monitoring", "kube-system",
      "ingress-nginx", "platform", "data"};
  private static final int[] PORTS = {8080, 9090, 9100, 8443, 10254, 9121, 9187, 3000};
  /** Kubernetes' pod-name alphabet (no vowels, no ambiguous digits). */
  private static final String POD_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final int SUFFIX_SPACE = 27 * 27 * 27 * 27 * 27;
  static final int REPLICAS_PER_JOB = 4;

  /** Real bucket layouts, 7 bounds and +Inf each (client_golang DefBuckets, Prometheus' own, ExponentialBuckets(100, 10, 7)). */
  static final String[][] BUCKET_LAYOUTS = {
      {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "+Inf"},
      {"0.1", "0.2", "0.4", "1", "3", "8", "20", "+Inf"},
      {"100", "1000", "10000", "100000", "1e+06", "1e+07", "1e+08", "+Inf"},
      {"0.005", "0.01", "0.05", "0.1", "0.5", "1", "5", "+Inf"}};

  /** A label telling apart the series of one family, with the values it takes. */
  private record Dim(String name, String... values) {}

  /** A family of {@code size} units told apart by the dims (mixed radix, first dim fastest). */
  private record Template(int size, Dim... dims) {}

  private static final Template[] TEMPLATES = {
      new Template(1),
      new Template(2, new Dim("result", "success", "error")),
      new Template(3, new Dim("method", "GET", "POST", "PUT")),
      new Template(4, new Dim("reason", "refused", "resolution", "timeout", "unknown")),
      new Template(4, new Dim("slice", "inner_eval", "prepare_time", "queue_time", "result_sort")),
      new Template(6, new Dim("handler", "/api/v1/query", "/api/v1/write", "/metrics"), new Dim("code", "200", "500")),
      new Template(8, new Dim("cpu", "0", "1", "2", "3"), new Dim("mode", "idle", "user")),
      new Template(2, new Dim("device", "eth0", "lo")),
      new Template(4, new Dim("dialer_name", "default", "prometheus", "remote_storage_write_client", "alertmanager")),
      new Template(2, new Dim("remote_name", "gateway-0"),
          new Dim("url", "http://rw-gateway.monitoring.svc:9201/api/v1/write", "http://mimir-distributor.mimir.svc:8080/api/v1/push")),
  };

  /** Template of each family position, per kind; a pattern repeats over a target's families. */
  private static final int[][] PATTERNS = new int[SeriesKind.values().length][];

  static {
    int[] flat = {0, 0, 0, 1, 0, 0, 0, 0, 9, 0, 0, 0, 0, 2, 0, 0, 0, 0, 7, 0, 0, 0, 0, 9, 0, 0, 0, 0, 3, 0, 0, 0};
    PATTERNS[SeriesKind.COUNTER.ordinal()] = flat;
    PATTERNS[SeriesKind.GAUGE.ordinal()] = flat;
    PATTERNS[SeriesKind.HISTOGRAM.ordinal()] = new int[] {0, 7, 0, 0, 2};
    PATTERNS[SeriesKind.NATIVE.ordinal()] = new int[] {0, 7, 0, 1};
    PATTERNS[SeriesKind.SUMMARY.ordinal()] = new int[] {0, 0, 1, 0};
  }

  private final WorkloadSpec spec;
  private final TypeLayout layout;
  private final int targets;
  private final int units;
  /** First kind index of each kind in each target: [target * kinds + kind]. */
  private final int[] kindBase;
  /** Per kind: for a rank modulo the pattern's units, the pattern position and the member index. */
  private final int[][] positionOf;
  private final int[][] memberOf;
  private final int[] patternUnits;

  RealisticLabels(WorkloadSpec spec, TypeLayout layout) {
    this.spec = spec;
    this.layout = layout;
    this.units = layout.units();
    this.targets = Math.min(Math.max(1, spec.effectiveTargets()), Math.max(1, units));
    int kinds = SeriesKind.values().length;
    this.kindBase = new int[targets * kinds];
    int[] seen = new int[kinds];
    int t = -1;
    for (int u = 0; u < units; u++) {
      int tu = target(u);
      while (t < tu) {
        t++;
        System.arraycopy(seen, 0, kindBase, t * kinds, kinds);
      }
      seen[layout.kind(u).ordinal()]++;
    }
    while (t < targets - 1) {
      t++;
      System.arraycopy(seen, 0, kindBase, t * kinds, kinds);
    }
    this.positionOf = new int[kinds][];
    this.memberOf = new int[kinds][];
    this.patternUnits = new int[kinds];
    for (int k = 0; k < kinds; k++) {
      int total = 0;
      for (int p : PATTERNS[k]) {
        total += TEMPLATES[p].size();
      }
      patternUnits[k] = total;
      positionOf[k] = new int[total];
      memberOf[k] = new int[total];
      int r = 0;
      for (int pos = 0; pos < PATTERNS[k].length; pos++) {
        for (int j = 0; j < TEMPLATES[PATTERNS[k][pos]].size(); j++) {
          positionOf[k][r] = pos;
          memberOf[k][r] = j;
          r++;
        }
      }
    }
  }

  int targets() {
    return targets;
  }

  int target(int u) {
    return (int) ((long) u * targets / units);
  }

  int job(int target) {
    return target / REPLICAS_PER_JOB;
  }

  /** Family index of unit {@code u} among the families of its kind in its target (same for every target of a job). */
  int family(int u) {
    SeriesKind kind = layout.kind(u);
    int k = kind.ordinal();
    int rank = rank(u);
    return rank / patternUnits[k] * PATTERNS[k].length + positionOf[k][rank % patternUnits[k]];
  }

  private int rank(int u) {
    SeriesKind kind = layout.kind(u);
    return layout.kindIndex(u) - kindBase[target(u) * SeriesKind.values().length + kind.ordinal()];
  }

  String familyName(int u) {
    return familyName(layout.kind(u), family(u), job(target(u)));
  }

  String familyName(SeriesKind kind, int family, int job) {
    int slot = family % 5;
    if (slot < 2) {
      return MetricNames.family(kind, family / 5 * 2 + slot, null);
    }
    return MetricNames.family(kind, family / 5 * 3 + slot - 2, app(job).replace('-', '_'));
  }

  String help(int u) {
    return MetricNames.help(layout.kind(u), familyName(u));
  }

  /** The {@code le} values of a classic histogram unit. */
  String[] bounds(int u) {
    return BUCKET_LAYOUTS[Math.floorMod(family(u) + job(target(u)), BUCKET_LAYOUTS.length)];
  }

  /** Label pairs (name, value, ...) of every member series of unit {@code u}, sorted by name. */
  String[][] labels(int u, int generation) {
    SeriesKind kind = layout.kind(u);
    int k = kind.ordinal();
    int t = target(u);
    int job = job(t);
    int rank = rank(u);
    int pos = positionOf[k][rank % patternUnits[k]];
    int member = memberOf[k][rank % patternUnits[k]];
    Template template = TEMPLATES[PATTERNS[k][pos]];
    String family = familyName(u);
    List<String[]> common = new ArrayList<>();
    String app = app(job);
    common.add(new String[] {"job", app});
    common.add(new String[] {"instance", address(t, generation) + ":" + PORTS[Math.floorMod(job + spec.seed(), PORTS.length)]});
    if (spec.labelShape() == LabelShape.KUBERNETES) {
      common.add(new String[] {"namespace", NAMESPACES[Math.floorMod(job * 7L + spec.seed(), NAMESPACES.length)]});
      common.add(new String[] {"pod", app + "-" + podHash(job) + "-" + podSuffix(t, generation)});
      common.add(new String[] {"container", app});
    }
    int digits = member;
    for (Dim d : template.dims()) {
      common.add(new String[] {d.name(), d.values()[digits % d.values().length]});
      digits /= d.values().length;
    }
    for (int j = 0; j < spec.extraLabels(); j++) {
      common.add(new String[] {"label_" + j, "value_" + Math.floorMod(u + j + spec.seed(), (long) spec.labelCardinality())});
    }
    String[] le = kind == SeriesKind.HISTOGRAM ? bounds(u) : kind == SeriesKind.SUMMARY ? ClassicBuckets.QUANTILES : null;
    String leName = kind == SeriesKind.HISTOGRAM ? "le" : "quantile";
    String[][] out = new String[kind.seriesPerUnit()][];
    for (int m = 0; m < out.length; m++) {
      List<String[]> pairs = new ArrayList<>(common.size() + 2);
      pairs.add(new String[] {"__name__", family + kind.suffix(m)});
      pairs.addAll(common);
      if (le != null && m < le.length) {
        pairs.add(new String[] {leName, le[m]});
      }
      pairs.sort((a, b) -> a[0].compareTo(b[0]));
      String[] flat = new String[2 * pairs.size()];
      for (int i = 0; i < pairs.size(); i++) {
        flat[2 * i] = pairs.get(i)[0];
        flat[2 * i + 1] = pairs.get(i)[1];
      }
      out[m] = flat;
    }
    return out;
  }

  /** The job name: an application name, numbered once the list runs out. */
  String app(int job) {
    int i = (int) Math.floorMod(job + spec.seed(), (long) APPS.length);
    int round = job / APPS.length;
    return APPS[i] + (round == 0 ? "" : "-" + (round + 1));
  }

  /** A pod address, distinct for distinct (target, generation) below 2^24 of them. */
  private String address(int t, int generation) {
    long idx = t + (long) generation * targets;
    int p = (int) ((idx * 0x9E3779L + spec.seed() * 0x5851F4L + 0x0A0B0CL) & 0xFFFFFF);
    return "10." + (p >>> 16) + "." + ((p >>> 8) & 255) + "." + (p & 255);
  }

  /** Ten characters of the alphabet, the job's pod-template hash. */
  private String podHash(int job) {
    long h = mix(spec.seed() * 0x9E3779B97F4A7C15L + job);
    char[] c = new char[10];
    for (int i = 0; i < c.length; i++) {
      c[i] = POD_ALPHABET.charAt((int) Math.floorMod(h, 27L));
      h = Math.floorDiv(h, 27L) ^ (h << 7);
    }
    return new String(c);
  }

  /** Five characters, distinct for distinct (target, generation) below 27^5 of them. */
  private String podSuffix(int t, int generation) {
    long idx = t + (long) generation * targets;
    long p = Math.floorMod(idx * 1_000_003L + spec.seed() * 7_777L + 12_345L, (long) SUFFIX_SPACE);
    char[] c = new char[5];
    for (int i = 0; i < 5; i++) {
      c[i] = POD_ALPHABET.charAt((int) (p % 27));
      p /= 27;
    }
    return new String(c);
  }

  /**
   * Metadata of every family some target exposes, in an order shuffled by the seed: Prometheus
   * sends its metadata cache in map order, not by name.
   */
  List<Rw1MetadataEncoder.Family> families() {
    Map<String, Rw1MetadataEncoder.Family> out = new LinkedHashMap<>();
    for (int u = 0; u < units; u++) {
      SeriesKind kind = layout.kind(u);
      String name = familyName(u);
      out.computeIfAbsent(name, n -> new Rw1MetadataEncoder.Family(n, kind.type().code(), MetricNames.help(kind, n), ""));
    }
    List<Rw1MetadataEncoder.Family> list = new ArrayList<>(out.values());
    java.util.Collections.shuffle(list, new java.util.Random(spec.seed()));
    return list;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public String toString() {
    return "RealisticLabels" + Arrays.asList(targets, units);
  }
}
