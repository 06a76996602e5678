package io.paperpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real broker and registry, as {@code paperpulse up} does. */
class LocalStackIT {
  private static final Path REPO = Path.of(System.getProperty("paperpulse.repo", ".."));
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void topicsAndSchemasSurviveARestartOnTheSameDirectory(@TempDir Path dir) throws Exception {
    LocalStack.Settings settings = LocalStack.Settings.freePorts(dir, LocalStack.defaultRegistryDist(REPO));
    String schemaId;
    try (LocalStack stack = LocalStack.start(settings, System.getenv())) {
      try (Admin admin = admin(stack)) {
        admin.createTopics(List.of(new NewTopic("kept", Optional.of(2), Optional.empty())))
            .all().get(30, TimeUnit.SECONDS);
      }
      HttpResponse<String> registered =
          send(HttpRequest.newBuilder(URI.create(stack.registryUrl() + "/apis/ccompat/v7/subjects/kept-value/versions"))
              .header("Content-Type", "application/vnd.schemaregistry.v1+json")
              .POST(HttpRequest.BodyPublishers.ofString(
                  "{\"schema\": \"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"K\\\",\\\"fields\\\":[]}\"}")));
      assertThat(registered.statusCode()).isEqualTo(200);
      schemaId = registered.body().replaceAll("\\D", "");
      assertThat(get(stack.registryUrl() + "/apis/ccompat/v7/config").body()).contains("BACKWARD");
    }

    try (LocalStack stack = LocalStack.start(settings, System.getenv())) {
      try (Admin admin = admin(stack)) {
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("kept");
      }
      HttpResponse<String> schema = get(stack.registryUrl() + "/apis/ccompat/v7/schemas/ids/" + schemaId);
      assertThat(schema.statusCode()).isEqualTo(200);
      assertThat(schema.body()).contains("\\\"name\\\":\\\"K\\\"");
    }
  }

  @Test
  void aTakenPortIsNamedInTheError(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      LocalStack.Settings free = LocalStack.Settings.freePorts(dir, LocalStack.defaultRegistryDist(REPO));
      LocalStack.Settings settings =
          new LocalStack.Settings(dir, taken.getLocalPort(), free.controllerPort(), free.registryPort(),
              free.registryManagementPort(), free.registryDist(), false, List.of());

      assertThatThrownBy(() -> LocalStack.start(settings, System.getenv()))
          .isInstanceOf(LocalStackException.class)
          .hasMessageStartingWith("port " + taken.getLocalPort() + " (Kafka broker) is already in use");
    }
  }

  @Test
  void aMissingRegistryDistributionSaysHowToGetIt(@TempDir Path dir) {
    LocalStack.Settings settings = LocalStack.Settings.freePorts(dir, dir.resolve("nowhere"));

    assertThatThrownBy(() -> LocalStack.start(settings, System.getenv()))
        .isInstanceOf(LocalStackException.class)
        .hasMessageContaining("the Apicurio Registry distribution is not at " + dir.resolve("nowhere"))
        .hasMessageContaining("./mvnw -pl local-stack package");
  }

  private static Admin admin(LocalStack stack) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
