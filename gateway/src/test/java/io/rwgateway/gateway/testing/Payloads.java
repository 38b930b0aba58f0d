package io.rwgateway.gateway.testing;

import io.rwgateway.translators.proto.rw1.Rw1Proto;
import io.rwgateway.translators.proto.rw2.Rw2Proto;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies built with the generated protobuf classes (the test oracle), snappy compressed as
 * a sender would send them; and decoding of what a backend received, for assertions.
 */
public final class Payloads {
  private Payloads() {}

  public static Rw1Proto.Label label(String name, String value) {
    return Rw1Proto.Label.newBuilder().setName(name).setValue(value).build();
  }

  /** A RW 1.0 series with one sample; labels as name, value, ... in the order given. */
  public static Rw1Proto.TimeSeries rw1Series(double value, long ts, String... labels) {
    Rw1Proto.TimeSeries.Builder b = Rw1Proto.TimeSeries.newBuilder();
    for (int i = 0; i < labels.length; i += 2) {
      b.addLabels(label(labels[i], labels[i + 1]));
    }
    return b.addSamples(Rw1Proto.Sample.newBuilder().setValue(value).setTimestamp(ts)).build();
  }

  public static byte[] rw1(Rw1Proto.TimeSeries... series) {
    Rw1Proto.WriteRequest.Builder w = Rw1Proto.WriteRequest.newBuilder();
    for (Rw1Proto.TimeSeries s : series) {
      w.addTimeseries(s);
    }
    return snappy(w.build().toByteArray());
  }

  /** {@code count} series {@code name{i="0..count-1"}} with one sample each. */
  public static byte[] rw1Many(String name, int count, long ts) {
    Rw1Proto.WriteRequest.Builder w = Rw1Proto.WriteRequest.newBuilder();
    for (int i = 0; i < count; i++) {
      w.addTimeseries(rw1Series(i, ts, "__name__", name, "i", Integer.toString(i), "job", "test"));
    }
    return snappy(w.build().toByteArray());
  }

  /** {@code count} series {@code name{i="0..count-1"}} with one sample each, as RW 2.0. */
  public static byte[] rw2Many(String name, int count, long ts) {
    String[][] labels = new String[count][];
    for (int i = 0; i < count; i++) {
      labels[i] = new String[] {"__name__", name, "i", Integer.toString(i), "job", "test"};
    }
    return rw2(ts, 1, labels);
  }

  /** A RW 2.0 request with one sample per series; each series' labels as name, value, ... */
  public static byte[] rw2(long ts, double value, String[]... seriesLabels) {
    Map<String, Integer> refs = new LinkedHashMap<>();
    refs.put("", 0);
    Rw2Proto.Request.Builder r = Rw2Proto.Request.newBuilder();
    for (String[] labels : seriesLabels) {
      Rw2Proto.TimeSeries.Builder ts2 = Rw2Proto.TimeSeries.newBuilder();
      for (String s : labels) {
        ts2.addLabelsRefs(refs.computeIfAbsent(s, k -> refs.size()));
      }
      ts2.addSamples(Rw2Proto.Sample.newBuilder().setValue(value).setTimestamp(ts));
      r.addTimeseries(ts2);
    }
    r.addAllSymbols(new ArrayList<>(refs.keySet()));
    return snappy(r.build().toByteArray());
  }

  public static byte[] snappy(byte[] raw) {
    return SnappyBlock.compress(raw, raw.length);
  }

  public static byte[] unsnappy(byte[] body) {
    try {
      return SnappyBlock.uncompress(body, 0, body.length, 64 << 20);
    } catch (Exception e) {
      throw new AssertionError("not snappy block data: " + e.getMessage(), e);
    }
  }

  public static Rw1Proto.WriteRequest parseRw1(byte[] body) {
    try {
      return Rw1Proto.WriteRequest.parseFrom(unsnappy(body));
    } catch (Exception e) {
      throw new AssertionError("not a RW 1.0 WriteRequest: " + e.getMessage(), e);
    }
  }

  public static Rw2Proto.Request parseRw2(byte[] body) {
    try {
      return Rw2Proto.Request.parseFrom(unsnappy(body));
    } catch (Exception e) {
      throw new AssertionError("not a RW 2.0 Request: " + e.getMessage(), e);
    }
  }

  /** Every series of a RW 1.0 request as {@code name{labels} value@ts} lines. */
  public static List<String> rw1Lines(Rw1Proto.WriteRequest w) {
    List<String> out = new ArrayList<>();
    for (Rw1Proto.TimeSeries s : w.getTimeseriesList()) {
      StringBuilder sb = new StringBuilder("{");
      for (Rw1Proto.Label l : s.getLabelsList()) {
        sb.append(sb.length() > 1 ? "," : "").append(l.getName()).append("=\"").append(l.getValue()).append('"');
      }
      sb.append('}');
      for (Rw1Proto.Sample smp : s.getSamplesList()) {
        sb.append(' ').append(smp.getValue()).append('@').append(smp.getTimestamp());
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** Every series of a RW 2.0 request as {@code {labels} value@ts} lines, refs resolved. */
  public static List<String> rw2Lines(Rw2Proto.Request r) {
    List<String> out = new ArrayList<>();
    for (Rw2Proto.TimeSeries s : r.getTimeseriesList()) {
      StringBuilder sb = new StringBuilder("{");
      for (int i = 0; i < s.getLabelsRefsCount(); i += 2) {
        sb.append(sb.length() > 1 ? "," : "").append(r.getSymbols(s.getLabelsRefs(i))).append("=\"")
            .append(r.getSymbols(s.getLabelsRefs(i + 1))).append('"');
      }
      sb.append('}');
      for (Rw2Proto.Sample smp : s.getSamplesList()) {
        sb.append(' ').append(smp.getValue()).append('@').append(smp.getTimestamp());
      }
      out.add(sb.toString());
    }
    return out;
  }
}
