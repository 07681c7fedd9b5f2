package org.epicall.speech.bench;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;

import java.util.List;

/**
 * Bytes that glibc's malloc has handed out and not had back: where libvosk's recognizers live. The
 * process's resident set is no use for this, since freed memory stays resident and the Java heap
 * grows and shrinks beside it.
 */
final class NativeHeap {

    /** glibc's {@code struct mallinfo2}: ten {@code size_t} fields, summed over all arenas. */
    public static final class MallInfo2 extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;

        @Override
        protected List<String> getFieldOrder() {
            return List.of("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost");
        }
    }

    private interface C extends Library {
        MallInfo2 mallinfo2();
    }

    private static final C LIBC = load();

    private NativeHeap() {
    }

    /** Whether the figure is available (Linux with glibc 2.33 or later). */
    static boolean available() {
        return LIBC != null;
    }

    /** Bytes in use: small blocks from the arenas plus large mmapped blocks. */
    static long inUse() {
        MallInfo2 info = LIBC.mallinfo2();
        return info.uordblks + info.hblkhd;
    }

    private static C load() {
        try {
            C c = Native.load("c", C.class);
            c.mallinfo2();
            return c;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }
}
