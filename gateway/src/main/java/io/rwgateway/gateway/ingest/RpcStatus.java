package io.rwgateway.gateway.ingest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A {@code google.rpc.Status}, the body of every OTLP error answer (otlp.md §1.2) and the gRPC
 * {@code grpc-status-details-bin} trailer (§1.4), with at most one detail: a {@code BadRequest}
 * carrying the reason for bad data (§1.2 "details SHOULD carry a BadRequest"), or a {@code
 * RetryInfo} telling when to come back (§1.4). Written by hand: three small messages do not need
 * the common-protos artifact. Field numbers: Status {code=1, message=2, details=3 Any}; Any
 * {type_url=1, value=2}; BadRequest {field_violations=1 {field=1, description=2}}; RetryInfo
 * {retry_delay=1 Duration {seconds=1}}.
 *
 * @param code         google.rpc.Code (the gRPC status number)
 * @param message      one line for the sender
 * @param badRequest   the description of a BadRequest detail, or null
 * @param retryAfterSeconds a RetryInfo detail with this delay, or 0 for none
 */
public record RpcStatus(int code, String message, String badRequest, int retryAfterSeconds) {
  static final String BAD_REQUEST_TYPE = "type.googleapis.com/google.rpc.BadRequest";
  static final String RETRY_INFO_TYPE = "type.googleapis.com/google.rpc.RetryInfo";

  public byte[] toProtobuf() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + message.length());
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      if (code != 0) {
        out.writeInt32(1, code);
      }
      if (!message.isEmpty()) {
        out.writeString(2, message);
      }
      if (badRequest != null) {
        out.writeByteArray(3, any(BAD_REQUEST_TYPE, badRequestBytes()));
      }
      if (retryAfterSeconds > 0) {
        out.writeByteArray(3, any(RETRY_INFO_TYPE, retryInfoBytes()));
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
  }

  /** The proto3 JSON form, Any details with their {@code @type} (as JsonFormat writes them). */
  public byte[] toJson() {
    JsonObject status = new JsonObject();
    if (code != 0) {
      status.addProperty("code", code);
    }
    if (!message.isEmpty()) {
      status.addProperty("message", message);
    }
    JsonArray details = new JsonArray();
    if (badRequest != null) {
      JsonObject violation = new JsonObject();
      violation.addProperty("description", badRequest);
      JsonArray violations = new JsonArray();
      violations.add(violation);
      JsonObject detail = new JsonObject();
      detail.addProperty("@type", BAD_REQUEST_TYPE);
      detail.add("fieldViolations", violations);
      details.add(detail);
    }
    if (retryAfterSeconds > 0) {
      JsonObject detail = new JsonObject();
      detail.addProperty("@type", RETRY_INFO_TYPE);
      detail.addProperty("retryDelay", retryAfterSeconds + "s");
      details.add(detail);
    }
    if (!details.isEmpty()) {
      status.add("details", details);
    }
    return status.toString().getBytes(StandardCharsets.UTF_8);
  }

  public byte[] encode(OtlpEncoding encoding) {
    return encoding == OtlpEncoding.JSON ? toJson() : toProtobuf();
  }

  private byte[] badRequestBytes() throws IOException {
    ByteArrayOutputStream violation = new ByteArrayOutputStream();
    CodedOutputStream v = CodedOutputStream.newInstance(violation);
    v.writeString(2, badRequest);
    v.flush();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeByteArray(1, violation.toByteArray());
    out.flush();
    return bytes.toByteArray();
  }

  private byte[] retryInfoBytes() throws IOException {
    ByteArrayOutputStream duration = new ByteArrayOutputStream();
    CodedOutputStream d = CodedOutputStream.newInstance(duration);
    d.writeInt64(1, retryAfterSeconds);
    d.flush();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeByteArray(1, duration.toByteArray());
    out.flush();
    return bytes.toByteArray();
  }

  private static byte[] any(String typeUrl, byte[] value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeString(1, typeUrl);
    out.writeByteArray(2, value);
    out.flush();
    return bytes.toByteArray();
  }
}
