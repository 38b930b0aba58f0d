package io.rwgateway.benchmarks.egress;

import io.rwgateway.translators.codec.DecodeLimits;
import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.metadata.MetadataStore;
import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.StringInterner;
import io.rwgateway.translators.rw1.Rw1Decoder;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One RW 1.0 request as {@code shared/peers/capture-receiver.py} saved it ({@code NNNN.body} plus
 * {@code received_unix_ms} from {@code NNNN.headers.json}), decoded the way the gateway decodes it:
 * in arrival order, with one metadata store, so Prometheus' metadata-only requests feed the join.
 */
record CapturedRequest(long receivedMillis, int bodyBytes, MetricBatch batch) {
  private static final Pattern RECEIVED = Pattern.compile("\"received_unix_ms\"\\s*:\\s*(\\d+)");

  static List<CapturedRequest> load(Path dir) throws IOException, InvalidPayloadException {
    List<Path> bodies;
    try (Stream<Path> s = Files.list(dir)) {
      bodies = s.filter(p -> p.toString().endsWith(".body")).sorted().toList();
    }
    MetadataStore store = new MetadataStore(100_000, Duration.ofHours(1));
    Rw1Decoder decoder = new Rw1Decoder(DecodeLimits.DEFAULTS, new StringInterner(), store);
    List<CapturedRequest> out = new ArrayList<>(bodies.size());
    for (Path p : bodies) {
      byte[] body = Files.readAllBytes(p);
      byte[] raw = SnappyBlock.uncompress(body, 0, body.length, 64 << 20);
      Path headers = p.resolveSibling(p.getFileName().toString().replace(".body", ".headers.json"));
      Matcher m = RECEIVED.matcher(Files.readString(headers));
      if (!m.find()) {
        throw new IOException("no received_unix_ms in " + headers);
      }
      out.add(new CapturedRequest(Long.parseLong(m.group(1)), body.length, decoder.decode(raw, 0, raw.length).batch()));
    }
    return out;
  }
}
