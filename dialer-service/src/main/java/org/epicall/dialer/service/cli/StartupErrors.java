package org.epicall.dialer.service.cli;

import java.util.Comparator;
import java.util.stream.Collectors;

import org.epicall.dialer.service.config.StartupFailure;
import org.springframework.boot.context.config.ConfigDataLocationNotFoundException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns whatever stopped the dialer from starting into one line that names the setting and says what to
 * do: the operator reads it on the console, with no stack trace to wade through.
 */
final class StartupErrors {

    private StartupErrors() {
    }

    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            switch (t) {
                case StartupFailure s -> {
                    return s.getMessage();
                }
                case BindException b -> {
                    return bind(b);
                }
                case ConfigDataLocationNotFoundException c -> {
                    return "--config: " + c.getLocation() + " does not exist; give the path of an epicall-dialer.yaml";
                }
                case PortInUseException p -> {
                    return "server.port: port " + p.getPort() + " (health and metrics) is in use; stop what listens "
                            + "there or give this node another port (--server.port=...)";
                }
                default -> {
                }
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + oneLine(root.getMessage()))
                + " (the log has the details)";
    }

    private static String bind(BindException b) {
        switch (b.getCause()) {
            case BindValidationException v -> {
                ObjectError error = v.getValidationErrors().getAllErrors().stream()
                        .min(Comparator.comparing(StartupErrors::field)).orElse(null);
                if (error == null) {
                    return b.getName() + ": " + oneLine(v.getMessage());
                }
                String key = v.getValidationErrors().getName() + (error instanceof FieldError f
                        ? "." + DataObjectPropertyName.toDashedForm(f.getField()) : "");
                String rejected = error instanceof FieldError f && f.getRejectedValue() != null
                        && !(f.getRejectedValue() instanceof java.util.Collection<?>) ? " (was '" + f.getRejectedValue() + "')" : "";
                return key + ": " + error.getDefaultMessage() + rejected;
            }
            case UnboundConfigurationPropertiesException u -> {
                return u.getUnboundProperties().stream().sorted()
                        .map(p -> p.getName() + from(p.getOrigin()))
                        .collect(Collectors.joining(", "))
                        + ": not a setting of the dialer; remove it or correct its spelling (the settings are listed "
                        + "in README.md, section Production)";
            }
            case null, default -> {
                ConfigurationProperty property = b.getProperty();
                Throwable cause = b.getCause();
                while (cause != null && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                String why = cause == null || cause.getMessage() == null ? "" : " (" + oneLine(cause.getMessage()) + ")";
                String expected = expected(b.getTarget().getType().resolve(Object.class));
                if (property == null) {
                    return b.getName() + ": cannot be used" + why + expected;
                }
                return property.getName() + ": '" + property.getValue() + "'" + from(property.getOrigin())
                        + " cannot be used" + why + expected;
            }
        }
    }

    private static String expected(Class<?> type) {
        if (type == double.class || type == Double.class) {
            return "; write a number such as 20 or 12.5";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == short.class) {
            return "; write a whole number";
        }
        if (type == java.time.Duration.class) {
            return "; write a duration such as 500ms, 30s, 5m or 1h";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "; write true or false";
        }
        return "";
    }

    private static String field(ObjectError error) {
        return error instanceof FieldError f ? f.getField() : "";
    }

    private static String from(Origin origin) {
        return origin == null ? "" : " (from " + origin + ")";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
