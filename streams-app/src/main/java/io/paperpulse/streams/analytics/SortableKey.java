package io.paperpulse.streams.analytics;

import java.util.Locale;

/**
 * The shape of store keys that sort by a number first: the number in decimal, zero-padded to a
 * fixed width, then a separator and the rest of the key. For numbers from 0 up to the width's
 * largest, the keys' string order is the numbers' order, so a range scan reads them in number
 * order.
 *
 * @param width how many digits the number is padded to
 * @param separator the character between the number and the rest; the rest may hold it too
 */
public record SortableKey(int width, char separator) {
  public SortableKey {
    if (width < 1 || width > 19) {
      throw new IllegalArgumentException("a key's number is 1 to 19 digits wide, not " + width);
    }
  }

  /** {@code number} zero-padded to the width, as {@code String.format("%0<width>d")} writes it. */
  public String number(long number) {
    if (number < 0) {
      return String.format(Locale.ROOT, "%0" + width + "d", number);
    }
    String digits = Long.toString(number);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }

  /** The key of {@code number} and {@code rest}; an empty rest gives the prefix of all keys of the number. */
  public String of(long number, String rest) {
    return number(number) + separator + rest;
  }

  /** The number a key of this shape starts with. */
  public long numberOf(String key) {
    return Long.parseLong(key.substring(0, separatorAt(key)));
  }

  /** What follows the number and its separator. */
  public String restOf(String key) {
    return key.substring(separatorAt(key) + 1);
  }

  private int separatorAt(String key) {
    int at = key.indexOf(separator);
    if (at < 1) {
      throw new IllegalArgumentException("'" + key + "' is not a number followed by '" + separator + "'");
    }
    return at;
  }
}
