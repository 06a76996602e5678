package io.paperpulse.streams.papers;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of the ranking's binary records: a string is its UTF-8 length (-1 for null) and
 * bytes, a list its size and strings. Numbers are big-endian, as {@link DataOutputStream} writes
 * and {@link ByteBuffer} reads by default. A length past the end throws {@link
 * BufferUnderflowException}.
 */
final class BinaryFields {
  private BinaryFields() {}

  static void writeString(DataOutputStream out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  static String readString(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0) {
      return null;
    }
    if (length > in.remaining()) {
      throw new BufferUnderflowException();
    }
    String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return value;
  }

  static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String value : values) {
      writeString(out, value);
    }
  }

  static List<String> readStrings(ByteBuffer in) {
    int size = in.getInt();
    if (size < 0 || size > in.remaining() / 4) {
      throw new BufferUnderflowException();
    }
    List<String> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(readString(in));
    }
    return List.copyOf(out);
  }
}
