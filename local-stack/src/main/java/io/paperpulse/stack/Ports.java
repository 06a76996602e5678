package io.paperpulse.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks, so a taken port is reported by name before a server fails on it. */
public final class Ports {
  private Ports() {}

  /** Fails with a message naming the port and its use when it is already taken on 127.0.0.1. */
  public static void requireFree(int port, String what, String option) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new LocalStackException(
          "port " + port + " (" + what + ") is already in use on 127.0.0.1: stop what holds it, "
              + "or choose another port with " + option);
    }
  }

  /** A port that was free a moment ago, for tests that run their own stack. */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new LocalStackException("no free port on 127.0.0.1", e);
    }
  }
}
