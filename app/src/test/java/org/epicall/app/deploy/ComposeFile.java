package org.epicall.app.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docker-compose.yml as Compose reads it: services with their environment, volumes, ports, expose and
 * command, the {@code ${VAR}}, {@code ${VAR:-default}} and {@code ${VAR:?message}} references interpolated
 * from a given environment, {@code $$} a literal dollar.
 */
public final class ComposeFile {

    /** What an operator exports before {@code docker compose up}: the file requires these. */
    public static final Map<String, String> OPERATOR_ENVIRONMENT = Map.of(
            "EPICALL_DB_PASSWORD", "db-secret",
            "EPICALL_AMI_SECRET", "change-me",
            "EPICALL_OFFICIAL_PASSWORD_BCRYPT", "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z0XhKu6QmSPLJ1yyCZ5LZsfu",
            "EPICALL_ANALYST_PASSWORD_BCRYPT", "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z0XhKu6QmSPLJ1yyCZ5LZsfu",
            "EPICALL_KAFKA_ADMIN_PASSWORD", "admin-0123456789abcdef",
            "EPICALL_KAFKA_CAMPAIGN_PASSWORD", "campaign-0123456789abcdef",
            "EPICALL_KAFKA_DIALER_PASSWORD", "dialer-0123456789abcdef",
            "EPICALL_KAFKA_ANALYST_PASSWORD", "analyst-0123456789abcdef");

    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern REFERENCE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    private final JsonNode root;
    private final UnaryOperator<String> hostEnvironment;

    private ComposeFile(JsonNode root, UnaryOperator<String> hostEnvironment) {
        this.root = root;
        this.hostEnvironment = hostEnvironment;
    }

    /** The project's docker-compose.yml, interpolated from {@code hostEnvironment} (null: not set). */
    public static ComposeFile read(UnaryOperator<String> hostEnvironment) {
        try {
            return new ComposeFile(YAMLMapper.builder().build().readTree(
                    Files.readString(ROOT.resolve("docker-compose.yml"))), hostEnvironment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> services() {
        return List.copyOf(root.path("services").propertyNames());
    }

    public JsonNode service(String name) {
        return root.path("services").path(name);
    }

    public boolean declaresVolume(String name) {
        return root.path("volumes").has(name);
    }

    /** The service's environment, interpolated. */
    public Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        service(service).path("environment").properties()
                .forEach(e -> env.put(e.getKey(), interpolate(e.getValue().asString())));
        return env;
    }

    /** The container path where the service mounts a volume or host path, if it does. */
    public Optional<String> mountOf(String service, String source) {
        for (String volume : strings(service, "volumes")) {
            String[] parts = interpolate(volume).split(":");
            if (parts.length >= 2 && parts[0].equals(source)) {
                return Optional.of(parts[1]);
            }
        }
        return Optional.empty();
    }

    /** Every container path the service mounts something at. */
    public List<String> mountPoints(String service) {
        return strings(service, "volumes").stream().map(v -> interpolate(v).split(":")).filter(p -> p.length >= 2)
                .map(p -> p[1]).toList();
    }

    public List<String> strings(String service, String key) {
        List<String> values = new ArrayList<>();
        service(service).path(key).forEach(node -> values.add(node.asString()));
        return values;
    }

    public String interpolate(String value) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else {
                String set = hostEnvironment.apply(m.group(1));
                boolean missing = set == null || (m.group(2) != null && m.group(2).startsWith(":") && set.isEmpty());
                if (!missing) {
                    replacement = set;
                } else if (m.group(2) != null && m.group(2).endsWith("-")) {
                    replacement = m.group(3);
                } else if (m.group(2) != null && m.group(2).endsWith("?")) {
                    throw new IllegalStateException("docker-compose.yml needs " + m.group(1) + ": " + m.group(3));
                } else {
                    replacement = "";
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
