package io.paperpulse.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Port checks, so a taken port is reported by name before a server fails on it. */
public final class Ports {
  /** Where {@link #free()} looks: below Linux's default range for outgoing connections (32768-60999). */
  private static final int LOWEST = 20_000;

  /** The first port of the kernel's range for outgoing connections: where {@link #free()} stops. */
  private static final int EPHEMERAL_START = ephemeralStart();

  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private Ports() {}

  /** Fails with a message naming the port and its use when it is already taken on 127.0.0.1. */
  public static void requireFree(int port, String what, String option) {
    if (!bindable(port)) {
      throw new LocalStackException(
          "port " + port + " (" + what + ") is already in use on 127.0.0.1: stop what holds it, "
              + "or choose another port with " + option);
    }
  }

  /**
   * A port that was free a moment ago and that this JVM has not handed out before, for tests that
   * run their own servers. It is chosen below the range the kernel takes the local ports of
   * outgoing connections from: a port from that range (which a bind to port 0 gives) can be taken
   * by any client's connection before the server binds it, and the server then fails to start.
   */
  public static synchronized int free() {
    int below = EPHEMERAL_START;
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
      if (!HANDED_OUT.contains(port) && bindable(port)) {
        HANDED_OUT.add(port);
        return port;
      }
    }
    throw new LocalStackException("no free port between " + LOWEST + " and " + below + " on 127.0.0.1");
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The first port of the kernel's range for outgoing connections, when it leaves room below it. */
  private static int ephemeralStart() {
    try {
      String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
      int start = Integer.parseInt(range.split("\\s+")[0]);
      return start > LOWEST + 1_000 ? start : 32_768;
    } catch (IOException | RuntimeException e) {
      return 32_768;
    }
  }
}
