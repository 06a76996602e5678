# The PaperPulse image: the paperpulse command line (publish, replay, streams, ...) on a Java 17 JRE.
# Build: docker build -t paperpulse:0.1.0 .
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl cli -am package

FROM eclipse-temurin:17.0.15_6-jre
WORKDIR /app
COPY --from=build /src/cli/target/paperpulse-cli.jar /app/paperpulse-cli.jar
COPY --from=build /src/cli/target/lib /app/lib
RUN useradd --system --uid 10001 paperpulse && mkdir -p /state && chown paperpulse /state
USER paperpulse
ENV PAPERPULSE_STATE_DIR=/state
EXPOSE 8080
ENTRYPOINT ["java", "-cp", "/app/paperpulse-cli.jar:/app/lib/*", "io.paperpulse.cli.Main"]
CMD ["--help"]
