package io.rwgateway.loadtest.workload;

import com.google.protobuf.CodedOutputStream;
import io.rwgateway.translators.snappy.SnappyBlock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A metadata-only RW 1.0 {@code WriteRequest} (field 3 {@code MetricMetadata}: type 1,
 * metric_family_name 2, help 4, unit 5), as Prometheus sends one every minute (remote-write.md
 * §1.5). The translators' encoder only writes metadata next to series, hence this small one.
 */
public final class Rw1MetadataEncoder {
  /** One family's metadata. */
  public record Family(String name, int typeCode, String help, String unit) {}

  private Rw1MetadataEncoder() {}

  public static Payload encode(List<Family> families) {
    try {
      int total = 0;
      int[] sizes = new int[families.size()];
      for (int i = 0; i < sizes.length; i++) {
        sizes[i] = size(families.get(i));
        total += CodedOutputStream.computeTagSize(3) + CodedOutputStream.computeUInt32SizeNoTag(sizes[i]) + sizes[i];
      }
      byte[] raw = new byte[total];
      CodedOutputStream out = CodedOutputStream.newInstance(raw);
      for (int i = 0; i < sizes.length; i++) {
        Family f = families.get(i);
        out.writeTag(3, 2);
        out.writeUInt32NoTag(sizes[i]);
        if (f.typeCode() != 0) {
          out.writeEnum(1, f.typeCode());
        }
        out.writeString(2, f.name());
        if (!f.help().isEmpty()) {
          out.writeString(4, f.help());
        }
        if (!f.unit().isEmpty()) {
          out.writeString(5, f.unit());
        }
      }
      out.checkNoSpaceLeft();
      return new Payload(SnappyBlock.compress(raw, raw.length), raw.length, 0, 0, 0, families.size(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode RW 1.0 metadata request: " + e.getMessage(), e);
    }
  }

  private static int size(Family f) {
    int n = CodedOutputStream.computeStringSize(2, f.name());
    if (f.typeCode() != 0) {
      n += CodedOutputStream.computeEnumSize(1, f.typeCode());
    }
    if (!f.help().isEmpty()) {
      n += CodedOutputStream.computeStringSize(4, f.help());
    }
    if (!f.unit().isEmpty()) {
      n += CodedOutputStream.computeStringSize(5, f.unit());
    }
    return n;
  }
}
