package org.epicall.pbx.resident;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The residents the simulator can call, by phone number. Immutable and thread-safe. */
public final class ResidentDirectory {

    private final Map<String, Resident> byNumber;

    private ResidentDirectory(Map<String, Resident> byNumber) {
        this.byNumber = byNumber;
    }

    public static ResidentDirectory of(Collection<Resident> residents) {
        Map<String, Resident> map = new LinkedHashMap<>();
        for (Resident resident : residents) {
            String key = normalise(resident.number());
            if (map.putIfAbsent(key, resident) != null) {
                throw new IllegalArgumentException("resident number " + resident.number() + " appears twice");
            }
        }
        return new ResidentDirectory(Map.copyOf(map));
    }

    public static ResidentDirectory empty() {
        return new ResidentDirectory(Map.of());
    }

    /** The resident with this number; {@code +41 79 000 00 01}, {@code 41790000001} and {@code +41790000001} match. */
    public Optional<Resident> find(String number) {
        return Optional.ofNullable(byNumber.get(normalise(number)));
    }

    public Collection<Resident> residents() {
        return byNumber.values();
    }

    public int size() {
        return byNumber.size();
    }

    static String normalise(String number) {
        StringBuilder digits = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (Character.isDigit(c)) {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
