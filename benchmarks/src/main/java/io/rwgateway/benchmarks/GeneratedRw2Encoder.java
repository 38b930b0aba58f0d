package io.rwgateway.benchmarks;

import io.rwgateway.translators.codec.EncodedRequest;
import io.rwgateway.translators.codec.RequestEncoder;
import io.rwgateway.translators.model.Exemplar;
import io.rwgateway.translators.model.Histogram;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.Series;
import io.rwgateway.translators.model.SymbolTableBuilder;
import io.rwgateway.translators.proto.rw2.Rw2Proto;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.util.List;

/**
 * The baseline RW 2.0 encode: an {@code Rw2Proto.Request} built from the model with the generated
 * builders, {@code toByteArray()}, then {@link SnappyBlock#compress}. Symbols are remapped into
 * one fresh deduplicated table per request through the same {@link SymbolTableBuilder} and
 * per-batch {@code int[]} remap the hand-written {@code Rw2Encoder} uses, so both produce the same
 * symbols. Exemplar-only series are written as they are (the hand encoder may move their exemplars
 * onto the matching sample series); the benchmark workloads have none. Stateless.
 */
public final class GeneratedRw2Encoder implements RequestEncoder {

  @Override
  public EncodedRequest encode(List<MetricBatch> batches) {
    SymbolTableBuilder table = new SymbolTableBuilder(64);
    Rw2Proto.Request.Builder request = Rw2Proto.Request.newBuilder();
    long series = 0;
    long samples = 0;
    long histograms = 0;
    long exemplars = 0;
    for (MetricBatch batch : batches) {
      int[] remap = new int[batch.symbols().size()];
      for (Series s : batch.series()) {
        Rw2Proto.TimeSeries.Builder ts = Rw2Proto.TimeSeries.newBuilder();
        int[] refs = s.labelRefs();
        for (int ref : refs) {
          ts.addLabelsRefs(ref(table, batch, remap, ref));
        }
        if (s.type().code() != 0 || s.helpRef() != 0 || s.unitRef() != 0) {
          ts.setMetadata(Rw2Proto.Metadata.newBuilder()
              .setTypeValue(s.type().code())
              .setHelpRef(ref(table, batch, remap, s.helpRef()))
              .setUnitRef(ref(table, batch, remap, s.unitRef())));
        }
        for (int i = 0; i < s.sampleCount(); i++) {
          ts.addSamples(Rw2Proto.Sample.newBuilder()
              .setValue(s.value(i))
              .setTimestamp(s.timestamp(i))
              .setStartTimestamp(s.startTimestamp(i)));
        }
        for (Histogram h : s.histograms()) {
          ts.addHistograms(ProtoHistograms.toRw2(h));
        }
        for (Exemplar e : s.exemplars()) {
          Rw2Proto.Exemplar.Builder eb = Rw2Proto.Exemplar.newBuilder()
              .setValue(e.value())
              .setTimestamp(e.timestamp());
          for (int ref : e.labelRefs()) {
            eb.addLabelsRefs(ref(table, batch, remap, ref));
          }
          ts.addExemplars(eb);
        }
        request.addTimeseries(ts);
        series++;
        samples += s.sampleCount();
        histograms += s.histograms().size();
        exemplars += s.exemplars().size();
      }
    }
    for (int i = 0; i < table.size(); i++) {
      request.addSymbols(table.get(i));
    }
    byte[] body = request.build().toByteArray();
    return new EncodedRequest(SnappyBlock.compress(body, body.length), body.length, series, samples,
        histograms, exemplars);
  }

  /** The request ref of a batch ref; 0 in {@code remap} means not mapped yet ("" is always 0). */
  private static int ref(SymbolTableBuilder table, MetricBatch batch, int[] remap, int batchRef) {
    int r = remap[batchRef];
    if (r == 0 && batchRef != 0) {
      r = table.intern(batch.symbol(batchRef));
      remap[batchRef] = r;
    }
    return r;
  }
}
