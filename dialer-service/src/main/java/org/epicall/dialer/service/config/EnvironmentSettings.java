package org.epicall.dialer.service.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;

/**
 * Finds environment variables under a settings prefix that name no setting. Spring Boot never reports
 * unknown environment variables (they are shared by everything a machine runs), so a misspelt
 * {@code EPICALL_DIALER_CALS_PER_SECOND} would silently leave the default in force; this walks the settings
 * records the way Spring Boot maps variable names onto them ({@code _} between levels; a dashed name written
 * with its dashes left out or as {@code _}; list indexes and map keys as their own parts).
 */
public final class EnvironmentSettings {

    private EnvironmentSettings() {
    }

    /**
     * @param environment  variables and values, e.g. {@code System.getenv()}
     * @param prefix       the settings prefix, e.g. {@code epicall.dialer}
     * @param settingsType the record bound under it
     * @return the variables under the prefix that name no setting, sorted
     */
    public static Set<String> unknown(Map<String, String> environment, String prefix, Class<?> settingsType) {
        String envPrefix = prefix.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "") + "_";
        Set<String> unknown = new TreeSet<>();
        for (String name : environment.keySet()) {
            if (name.startsWith(envPrefix)) {
                List<String> parts = Arrays.asList(name.substring(envPrefix.length()).split("_", -1));
                if (!matches(settingsType, parts)) {
                    unknown.add(name);
                }
            }
        }
        return unknown;
    }

    private static boolean matches(Type type, List<String> parts) {
        Class<?> raw = raw(type);
        if (parts.isEmpty()) {
            // a value, or a list of values written as one comma-separated string; not a group of settings
            return !raw.isRecord() && !Map.class.isAssignableFrom(raw)
                    && !(List.class.isAssignableFrom(raw) && raw(argument(type, 0)).isRecord());
        }
        if (List.class.isAssignableFrom(raw)) {
            return parts.getFirst().matches("\\d+") && matches(argument(type, 0), parts.subList(1, parts.size()));
        }
        if (Map.class.isAssignableFrom(raw)) {
            // a key is one part here; what follows it belongs to the value
            return !parts.getFirst().isEmpty() && matches(argument(type, 1), parts.subList(1, parts.size()));
        }
        if (!raw.isRecord()) {
            return false;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            String dashed = DataObjectPropertyName.toDashedForm(component.getName()).toUpperCase(Locale.ROOT);
            List<String> words = Arrays.asList(dashed.split("-"));
            // CALLSPERSECOND (dashes left out) or CALLS_PER_SECOND (dashes as underscores)
            if (parts.getFirst().equals(dashed.replace("-", ""))
                    && matches(component.getGenericType(), parts.subList(1, parts.size()))) {
                return true;
            }
            if (parts.size() >= words.size() && parts.subList(0, words.size()).equals(words)
                    && matches(component.getGenericType(), parts.subList(words.size(), parts.size()))) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }
}
