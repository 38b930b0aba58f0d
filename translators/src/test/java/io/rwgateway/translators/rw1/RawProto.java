package io.rwgateway.translators.rw1;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes protobuf fields one by one, for payloads the generated classes refuse to build:
 * unpacked repeated scalars, invalid UTF-8, fields in odd orders, unknown fields.
 */
final class RawProto {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

  RawProto varint(int field, long v) {
    return write(() -> out.writeUInt64(field, v));
  }

  RawProto sint64(int field, long v) {
    return write(() -> out.writeSInt64(field, v));
  }

  RawProto fixed64(int field, long bits) {
    return write(() -> out.writeFixed64(field, bits));
  }

  RawProto bytes(int field, byte[] b) {
    return write(() -> out.writeByteArray(field, b));
  }

  RawProto string(int field, String s) {
    return bytes(field, s.getBytes(StandardCharsets.UTF_8));
  }

  RawProto message(int field, RawProto m) {
    return bytes(field, m.toByteArray());
  }

  /** Raw bytes appended as they are (tags included by the caller). */
  RawProto raw(byte[] b) {
    return write(() -> out.writeRawBytes(b));
  }

  /** Raw bytes given as ints 0-255, appended as they are. */
  RawProto raw(int... b) {
    byte[] bytes = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      bytes[i] = (byte) b[i];
    }
    return raw(bytes);
  }

  byte[] toByteArray() {
    write(out::flush);
    return bytes.toByteArray();
  }

  private RawProto write(IoAction a) {
    try {
      a.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  private interface IoAction {
    void run() throws IOException;
  }
}
