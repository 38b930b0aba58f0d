package io.rwgateway.gateway.e2e.support;

import io.rwgateway.translators.codec.InvalidPayloadException;
import io.rwgateway.translators.proto.rw2.Rw2Proto;
import io.rwgateway.translators.snappy.SnappyBlock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads what {@code capture-receiver.py} saved (NNNN.body + NNNN.headers.json) as RW 2.0 requests,
 * decoded with the generated classes (the test oracle, not the gateway's decoder). A request is
 * read once its headers file exists: the receiver writes it after the body, so the body is complete.
 * Keeps what it decoded, so polling {@link #read()} costs only the new files.
 */
public final class Rw2Captures {
  private static final int MAX_DECODED_BYTES = 64 << 20;

  /**
   * One captured request.
   *
   * @param seq     arrival number (1, 2, ...)
   * @param headers request headers, names lower-cased (the last value of a repeated header)
   * @param request the snappy-decoded body parsed as {@code io.prometheus.write.v2.Request}
   */
  public record Captured(int seq, Map<String, String> headers, Rw2Proto.Request request) {}

  private final Path dir;
  private final List<Captured> read = new ArrayList<>();

  /** {@code capture} is the peer from {@link Peers#startCaptureReceiver}. */
  public Rw2Captures(PeerProcess capture) {
    this.dir = capture.dir().resolve("captures");
  }

  /** Every complete capture so far, in arrival order. */
  public synchronized List<Captured> read() {
    int next = read.size() + 1;
    while (true) {
      Path headers = dir.resolve(String.format("%04d.headers.json", next));
      if (!Files.exists(headers)) {
        return List.copyOf(read);
      }
      read.add(decode(next, headers, dir.resolve(String.format("%04d.body", next))));
      next++;
    }
  }

  /** Captures on disk, complete or not; for messages. */
  public long filesOnDisk() {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".body")).count();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Captured decode(int seq, Path headersFile, Path bodyFile) {
    try {
      JsonObject meta = new JsonObject(Files.readString(headersFile));
      Map<String, String> headers = new TreeMap<>();
      for (Object pair : meta.getJsonArray("headers")) {
        JsonArray kv = (JsonArray) pair;
        headers.put(kv.getString(0).toLowerCase(Locale.ROOT), kv.getString(1));
      }
      byte[] body = Files.readAllBytes(bodyFile);
      byte[] raw = SnappyBlock.uncompress(body, 0, body.length, MAX_DECODED_BYTES);
      return new Captured(seq, headers, Rw2Proto.Request.parseFrom(raw));
    } catch (IOException e) { // InvalidProtocolBufferException included
      throw new UncheckedIOException("cannot read capture " + bodyFile + ": " + e.getMessage(), e);
    } catch (InvalidPayloadException e) {
      throw new IllegalStateException("cannot uncompress capture " + bodyFile + ": " + e.getMessage(), e);
    }
  }

  /** Label refs (name, value, name, value...) resolved through the request's symbols, sorted by name. */
  public static Map<String, String> labels(Rw2Proto.Request request, List<Integer> refs) {
    Map<String, String> labels = new TreeMap<>();
    for (int i = 0; i + 1 < refs.size(); i += 2) {
      labels.put(request.getSymbols(refs.get(i)), request.getSymbols(refs.get(i + 1)));
    }
    return labels;
  }
}
