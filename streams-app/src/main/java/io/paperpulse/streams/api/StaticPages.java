package io.paperpulse.streams.api;

/** The live page: static files from the classpath, no build step. */
final class StaticPages {
  private static final String DIRECTORY = "/io/paperpulse/streams/web/";

  private StaticPages() {}

  /** A file of the live page, with its content type from its extension. */
  static Responses.Raw page(String file) {
    return Responses.resource(DIRECTORY + file, contentType(file));
  }

  private static String contentType(String file) {
    if (file.endsWith(".js")) {
      return "text/javascript";
    }
    return file.endsWith(".css") ? "text/css" : "text/html";
  }
}
