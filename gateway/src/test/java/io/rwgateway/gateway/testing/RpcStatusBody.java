package io.rwgateway.gateway.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code google.rpc.Status} read field by field (code=1, message=2, details=3 Any{type_url=1,
 * value=2}), without the common-protos classes, for assertions on OTLP error answers.
 *
 * @param detailTypes the type URL of each detail, in order
 * @param details     the value bytes of each detail, in order
 */
public record RpcStatusBody(int code, String message, List<String> detailTypes, List<ByteString> details) {

  public static RpcStatusBody parse(byte[] protobuf) throws InvalidProtocolBufferException {
    UnknownFieldSet fields = UnknownFieldSet.parseFrom(protobuf);
    int code = fields.hasField(1) ? fields.getField(1).getVarintList().get(0).intValue() : 0;
    String message = fields.hasField(2) ? fields.getField(2).getLengthDelimitedList().get(0).toStringUtf8() : "";
    List<String> types = new ArrayList<>();
    List<ByteString> values = new ArrayList<>();
    if (fields.hasField(3)) {
      for (ByteString any : fields.getField(3).getLengthDelimitedList()) {
        UnknownFieldSet a = UnknownFieldSet.parseFrom(any);
        types.add(a.getField(1).getLengthDelimitedList().get(0).toStringUtf8());
        values.add(a.getField(2).getLengthDelimitedList().get(0));
      }
    }
    return new RpcStatusBody(code, message, types, values);
  }

  /** The {@code retry_delay.seconds} of the RetryInfo detail, or -1 without one. */
  public long retryDelaySeconds() throws InvalidProtocolBufferException {
    int i = detailTypes.indexOf("type.googleapis.com/google.rpc.RetryInfo");
    if (i < 0) {
      return -1;
    }
    UnknownFieldSet duration = UnknownFieldSet.parseFrom(
        UnknownFieldSet.parseFrom(details.get(i)).getField(1).getLengthDelimitedList().get(0));
    return duration.getField(1).getVarintList().get(0);
  }

  /** The description of the BadRequest detail's first field violation, or null without one. */
  public String badRequest() throws InvalidProtocolBufferException {
    int i = detailTypes.indexOf("type.googleapis.com/google.rpc.BadRequest");
    if (i < 0) {
      return null;
    }
    UnknownFieldSet violation = UnknownFieldSet.parseFrom(
        UnknownFieldSet.parseFrom(details.get(i)).getField(1).getLengthDelimitedList().get(0));
    return violation.getField(2).getLengthDelimitedList().get(0).toStringUtf8();
  }
}
