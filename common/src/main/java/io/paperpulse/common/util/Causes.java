package io.paperpulse.common.util;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * An exception and its causes in one line, for what users read and for the reasons records carry
 * (a failed delivery, a dead letter). Clients wrap the reason that matters ("Failed to create new
 * KafkaAdminClient" around "No resolvable bootstrap urls"), so every cause is named unless its
 * message was already said. Needs only the JDK.
 */
public final class Causes {
  private Causes() {}

  /** {@code "Type: message (CauseType: its message) ..."}; a type alone where there is no message. */
  public static String describe(Throwable e) {
    return withCauses(e, typed(e));
  }

  /** As {@link #describe}, but the exception's own message without its type, for messages to users. */
  public static String message(Throwable e) {
    return withCauses(e, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
  }

  private static String withCauses(Throwable e, String first) {
    StringBuilder text = new StringBuilder(first);
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(e);
    for (Throwable cause = e.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
      String said = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
      if (!text.toString().contains(said)) {
        text.append(" (").append(typed(cause)).append(')');
      }
    }
    return text.toString();
  }

  private static String typed(Throwable e) {
    String type = e.getClass().getSimpleName();
    return e.getMessage() == null ? type : type + ": " + e.getMessage();
  }
}
