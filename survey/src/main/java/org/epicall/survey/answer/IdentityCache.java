package org.epicall.survey.answer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers what was compiled for a language pack or a question (phrase matchers, grammars), keyed
 * by the identity of those immutable objects so that a lookup does not hash their contents. Bounded:
 * when full it starts over, which only costs recompiling.
 */
final class IdentityCache {

    private record Key(String kind, Object first, Object second) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && kind.equals(key.kind) && first == key.first && second == key.second;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * kind.hashCode() + System.identityHashCode(first)) + System.identityHashCode(second);
        }
    }

    /** Shared by the stateless interpreters; packs and questionnaires are few, so this stays small. */
    static final IdentityCache SHARED = new IdentityCache(4_096);

    private final int capacity;
    private final Map<Key, Object> entries = new ConcurrentHashMap<>();

    IdentityCache(int capacity) {
        this.capacity = capacity;
    }

    @SuppressWarnings("unchecked")
    <T> T get(String kind, Object first, Object second, Supplier<T> compile) {
        Key key = new Key(kind, first, second);
        Object cached = entries.get(key);
        if (cached != null) {
            return (T) cached;
        }
        if (entries.size() >= capacity) {
            entries.clear();
        }
        T compiled = compile.get();
        entries.put(key, compiled);
        return compiled;
    }
}
