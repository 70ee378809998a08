package io.paperwire.app.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.paperwire.app.Main;
import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import io.paperwire.notify.delivery.email.SmtpSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The repository's {@code docker-compose.yml} and {@code Dockerfile}, checked without a Docker engine: the services
 * and images the stack needs, what each publishes and waits for, that every {@code PAPERWIRE_*} variable is read by
 * paperwire as the setting it is meant to be (through {@link PaperwireConfig}, the same code the containers run),
 * that the addresses in those settings point at the services that listen there, that every paperwire command parses,
 * and that the image runs the jar that the Maven build makes.
 */
class ComposeFileTest {

    private static final Set<String> PAPERWIRE_SERVICES = Set.of("ingest", "enrich", "notify");
    private static Path root;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
        Path file = root.resolve("docker-compose.yml");
        assertThat(file).exists();
        Map<String, Object> compose;
        try (InputStream in = Files.newInputStream(file)) {
            compose = new Yaml().load(in);
        }
        services = map(compose.get("services"));
    }

    @Test
    void shouldRunKafkaInKraftModeTheConfluentRegistryAMailCatcherAndThePaperwireServices() {
        assertThat(services).containsOnlyKeys("kafka", "schema-registry", "mailpit", "ingest", "enrich", "notify");
        assertThat(image("kafka")).startsWith("apache/kafka:");
        assertThat(image("schema-registry")).startsWith("confluentinc/cp-schema-registry:");
        assertThat(image("mailpit")).startsWith("axllent/mailpit:");
        assertThat(image("kafka")).as("the scenarios' container stack runs the same images")
                .isEqualTo(ContainerStack.KAFKA_IMAGE);
        assertThat(image("schema-registry")).isEqualTo(ContainerStack.SCHEMA_REGISTRY_IMAGE);
        List.of("kafka", "schema-registry", "mailpit").forEach(name ->
                assertThat(image(name)).as(name + " is pinned to a version").doesNotEndWith(":latest").contains(":"));

        Map<String, String> kafka = environment("kafka");
        assertThat(kafka.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(kafka).doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo(kafka.get("KAFKA_NODE_ID") + "@kafka:"
                + listenerPort(kafka.get("KAFKA_LISTENERS"), kafka.get("KAFKA_CONTROLLER_LISTENER_NAMES")));
        assertThat(environment("schema-registry").get("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS"))
                .isEqualTo("PLAINTEXT://kafka:" + listenerPort(kafka.get("KAFKA_LISTENERS"), "PLAINTEXT"));
    }

    @Test
    void shouldPublishThePortsAPersonUses() {
        assertThat(publishedPorts("kafka")).containsEntry(9094, 9094);
        assertThat(publishedPorts("schema-registry")).containsEntry(8081, 8081);
        assertThat(publishedPorts("mailpit")).as("the mail catcher's web UI").containsEntry(8025, 8025);
        int httpPort = Integer.parseInt(environment("notify").get(PaperwireConfig.environmentName(Settings.HTTP_PORT)));
        assertThat(publishedPorts("notify")).as("the subscriptions API").containsEntry(httpPort, httpPort);
        // The external listener is advertised as the host's published port.
        Map<String, String> kafka = environment("kafka");
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).contains("EXTERNAL://localhost:9094");
        assertThat(listenerPort(kafka.get("KAFKA_LISTENERS"), "EXTERNAL")).isEqualTo(9094);
    }

    @Test
    void shouldStartEachServiceOnlyAfterWhatItNeedsIsHealthy() {
        for (String name : PAPERWIRE_SERVICES) {
            Map<String, Object> dependsOn = map(services.get(name).get("depends_on"));
            assertThat(condition(dependsOn, "kafka")).as(name).isEqualTo("service_healthy");
            assertThat(condition(dependsOn, "schema-registry")).as(name).isEqualTo("service_healthy");
        }
        assertThat(condition(map(services.get("schema-registry").get("depends_on")), "kafka"))
                .isEqualTo("service_healthy");
        assertThat(condition(map(services.get("notify").get("depends_on")), "mailpit")).isEqualTo("service_healthy");
        // The seed starts when notify serves, so that the example subscriptions are live before papers arrive.
        assertThat(condition(map(services.get("ingest").get("depends_on")), "notify")).isEqualTo("service_healthy");

        // Every service that another waits for to be healthy has a health check.
        services.forEach((name, service) -> {
            if (service.get("depends_on") != null) {
                map(service.get("depends_on")).forEach((dependency, how) -> {
                    if ("service_healthy".equals(map(how).get("condition"))) {
                        assertThat(services.get(dependency)).as(name + " waits for " + dependency + " to be healthy")
                                .containsKey("healthcheck");
                        assertThat(map(services.get(dependency).get("healthcheck")).get("test")).isNotNull();
                    }
                });
            }
        });
    }

    @Test
    void shouldConfigurePaperwireOnlyThroughVariablesThatPaperwireReadsAsItsSettings() throws IOException {
        for (String name : PAPERWIRE_SERVICES) {
            Map<String, String> environment = environment(name);
            assertThat(environment.keySet()).as(name + " is configured only by PAPERWIRE_* variables")
                    .allMatch(k -> k.startsWith("PAPERWIRE_"));
            PaperwireConfig config = PaperwireConfig.load(Optional.empty(), environment, Map.of());
            for (Map.Entry<String, String> variable : environment.entrySet()) {
                List<String> settings = config.asMap().entrySet().stream()
                        .filter(setting -> PaperwireConfig.environmentName(setting.getKey()).equals(variable.getKey()))
                        .filter(setting -> setting.getValue().equals(variable.getValue()))
                        .map(Map.Entry::getKey)
                        .toList();
                assertThat(settings).as(name + ": " + variable.getKey() + " is read as a paperwire setting")
                        .hasSize(1);
            }
        }
    }

    @Test
    void shouldPointEveryServiceAtTheServicesThatListenThere() {
        Map<String, String> kafka = environment("kafka");
        Map<String, String> registry = environment("schema-registry");
        for (String name : PAPERWIRE_SERVICES) {
            PaperwireConfig config = PaperwireConfig.load(Optional.empty(), environment(name), Map.of());
            assertThat(config.require(Settings.BOOTSTRAP_SERVERS)).as(name)
                    .isEqualTo("kafka:" + listenerPort(kafka.get("KAFKA_LISTENERS"), "PLAINTEXT"));
            assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).contains("PLAINTEXT://" + config.require(Settings.BOOTSTRAP_SERVERS));
            URI registryUrl = URI.create(config.require(Settings.SCHEMA_REGISTRY_URL));
            assertThat(registryUrl.getHost()).as(name).isEqualTo("schema-registry");
            assertThat(registryUrl.getPort()).as(name)
                    .isEqualTo(URI.create(registry.get("SCHEMA_REGISTRY_LISTENERS")).getPort());
            assertThat(config.getInt(Settings.TOPIC_REPLICATION_FACTOR)).as("one broker").isEqualTo(1);
        }

        // notify delivers mail to the mail catcher's SMTP port, without STARTTLS (Mailpit offers none by default).
        PaperwireConfig notify = PaperwireConfig.load(Optional.empty(), environment("notify"), Map.of());
        Properties mail = new Properties();
        notify.asMap().forEach((k, v) -> {
            if (k.startsWith("mail.") || k.equals(SmtpSettings.PUBLIC_BASE_URL)) {
                mail.put(k, v);
            }
        });
        SmtpSettings smtp = SmtpSettings.fromProperties(mail);
        assertThat(smtp.smtpConfigured()).isTrue();
        assertThat(smtp.host()).isEqualTo("mailpit");
        assertThat(smtp.startTls()).isFalse();
        assertThat(environment("mailpit").get("MP_SMTP_BIND_ADDR")).endsWith(":" + smtp.port());
        assertThat(smtp.baseUrl()).isEqualTo("http://localhost:" + notify.require(Settings.HTTP_PORT));
        // The API listens on every interface of the container, not only on its loopback.
        assertThat(notify.require(Settings.HOST)).isEqualTo("0.0.0.0");
    }

    @Test
    void shouldRunPaperwireCommandsThatExist() {
        assertThat(command("enrich")).containsExactly("run", "enrich");
        assertThat(command("notify")).containsExactly("run", "notify");
        assertThat(command("ingest")).containsExactly("demo", "--only-seed");
        for (String name : PAPERWIRE_SERVICES) {
            CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs(command(name).toArray(String[]::new));
            assertThat(parsed.hasSubcommand()).as(name).isTrue();
        }
    }

    @Test
    void shouldBuildThePaperwireServicesFromTheDockerfileThatRunsTheShadedJar() throws IOException {
        for (String name : PAPERWIRE_SERVICES) {
            Map<String, Object> build = map(services.get(name).get("build"));
            assertThat(root.resolve(String.valueOf(build.get("context"))).normalize()).as(name).isEqualTo(root);
            assertThat(build.get("dockerfile")).as(name).isEqualTo("Dockerfile");
        }
        String dockerfile = Files.readString(root.resolve("Dockerfile"), StandardCharsets.UTF_8);
        String pom = Files.readString(root.resolve("app/pom.xml"), StandardCharsets.UTF_8);
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
        assertThat(finalName.find()).as("app/pom.xml names the shaded jar").isTrue();
        String jar = "app/target/" + finalName.group(1) + ".jar";

        List<String> stages = Pattern.compile("(?m)^FROM ").splitAsStream(dockerfile).skip(1).toList();
        assertThat(stages).as("a build stage and a runtime stage").hasSize(2);
        assertThat(stages.get(0)).startsWith("maven:").contains("eclipse-temurin-17").contains(" AS build")
                .containsPattern("mvn [^\\n]*-pl app -am package");
        assertThat(stages.get(1)).startsWith("eclipse-temurin:17-jre");
        Matcher copy = Pattern.compile("COPY --from=build (\\S+) (\\S+)").matcher(stages.get(1));
        assertThat(copy.find()).isTrue();
        assertThat(copy.group(1)).isEqualTo("/src/" + jar);
        assertThat(stages.get(0)).contains("WORKDIR /src");
        assertThat(stages.get(1)).contains("ENTRYPOINT").contains("java $PAPERWIRE_JAVA_OPTS -jar " + copy.group(2));
        // The build context leaves out local build output, so the image never ships a stale jar.
        assertThat(Files.readAllLines(root.resolve(".dockerignore"))).contains("**/target/");
    }

    @Test
    void shouldNameOnlyLauncherVariablesThatTheImageOrTheLoggingReads() throws IOException {
        // PAPERWIRE_* variables set in the Dockerfile are either settings or read by the image's entry point.
        String dockerfile = Files.readString(root.resolve("Dockerfile"), StandardCharsets.UTF_8);
        Matcher env = Pattern.compile("(PAPERWIRE_[A-Z_]+)=").matcher(dockerfile);
        List<String> names = new ArrayList<>();
        while (env.find()) {
            names.add(env.group(1));
        }
        assertThat(names).isNotEmpty();
        for (String variable : names) {
            boolean setting = Settings.names().stream().map(PaperwireConfig::environmentName).anyMatch(variable::equals);
            boolean readByEntryPoint = dockerfile.contains("$" + variable);
            assertThat(setting || readByEntryPoint).as(variable).isTrue();
        }
    }

    private static String image(String service) {
        return String.valueOf(services.get(service).get("image"));
    }

    private static List<String> command(String service) {
        Object command = services.get(service).get("command");
        assertThat(command).as(service + " has a command as a list").isInstanceOf(List.class);
        return ((List<?>) command).stream().map(String::valueOf).toList();
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> result = new LinkedHashMap<>();
        Object environment = services.get(service).get("environment");
        if (environment != null) {
            map(environment).forEach((k, v) -> result.put(k, String.valueOf(v)));
        }
        return result;
    }

    /** host port -> container port. */
    private static Map<Integer, Integer> publishedPorts(String service) {
        Map<Integer, Integer> result = new LinkedHashMap<>();
        Object ports = services.get(service).get("ports");
        if (ports != null) {
            for (Object port : (List<?>) ports) {
                String[] parts = String.valueOf(port).split(":");
                result.put(Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1]));
            }
        }
        return result;
    }

    private static int listenerPort(String listeners, String name) {
        Matcher m = Pattern.compile("(?:^|,)" + Pattern.quote(name) + "://[^:,]*:(\\d+)").matcher(listeners);
        assertThat(m.find()).as(name + " in " + listeners).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String condition(Map<String, Object> dependsOn, String dependency) {
        assertThat(dependsOn).containsKey(dependency);
        return String.valueOf(map(dependsOn.get(dependency)).get("condition"));
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, V>) value;
    }
}
