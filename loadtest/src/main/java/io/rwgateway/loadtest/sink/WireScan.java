package io.rwgateway.loadtest.sink;

import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.wire.WireReader;

/**
 * {@code sink --count-only}: counts a snappy-decoded RW 1.0 or 2.0 body by walking its protobuf
 * tags, without decoding labels or validating anything, so a sink costs a fraction of a full
 * decode and a benchmark's sinks are not what limits the sender under test. Field numbers from
 * remote-write.md §2 (RW 1.0 WriteRequest: 1 timeseries, 3 metadata; TimeSeries: 2 samples,
 * 3 exemplars, 4 histograms. RW 2.0 Request: 5 timeseries; TimeSeries: 2 samples,
 * 3 histograms, 4 exemplars).
 */
final class WireScan {
  private WireScan() {}

  static RequestCounts count(WireProtocol protocol, byte[] raw, int bodyBytes) throws InvalidPayloadException {
    boolean rw2 = protocol == WireProtocol.RW2;
    int seriesField = rw2 ? 5 : 1;
    int histogramField = rw2 ? 3 : 4;
    int exemplarField = rw2 ? 4 : 3;
    WireReader r = new WireReader(raw, 0, raw.length, rw2 ? "RW 2.0 request" : "RW 1.0 request");
    long series = 0;
    long samples = 0;
    long histograms = 0;
    long exemplars = 0;
    long metadata = 0;
    while (r.hasMore()) {
      int tag = r.readTag();
      int field = tag >>> 3;
      if (field == seriesField && (tag & 7) == WireReader.LENGTH_DELIMITED) {
        series++;
        int outer = r.enter();
        while (r.hasMore()) {
          int t = r.readTag();
          int f = t >>> 3;
          if (f == 2) {
            samples++;
          } else if (f == histogramField) {
            histograms++;
          } else if (f == exemplarField) {
            exemplars++;
          }
          r.skip(t);
        }
        r.exit(outer);
      } else {
        if (!rw2 && field == 3) {
          metadata++;
        }
        r.skip(tag);
      }
    }
    return new RequestCounts(protocol, bodyBytes, raw.length, series, samples, histograms, exemplars, metadata, 0, "");
  }
}
