package org.epicall.build;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The include and exclude patterns by which Surefire or Failsafe chooses the test classes it runs,
 * with their semantics: an Ant-style pattern over the class's source path relative to the test
 * source root ({@code org/epicall/x/FooTest.java}), where {@code **} spans any number of
 * directories, none included, and a class runs when an include matches and no exclude does.
 *
 * @param includes patterns of the classes to run; never empty
 * @param excludes patterns of classes left out even when included
 */
public record TestClassPatterns(List<String> includes, List<String> excludes) {

    /** Surefire's own defaults, used when a pom configures no {@code <includes>}. */
    public static final List<String> SUREFIRE_INCLUDES =
            List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");
    /** Failsafe's own defaults. */
    public static final List<String> FAILSAFE_INCLUDES = List.of("**/IT*.java", "**/*IT.java", "**/*ITCase.java");
    /** Both plugins leave out nested classes unless told otherwise; JUnit finds them through their outer class. */
    public static final List<String> DEFAULT_EXCLUDES = List.of("**/*$*");

    public TestClassPatterns {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        if (includes.isEmpty()) {
            throw new IllegalArgumentException("a test runner needs at least one include pattern");
        }
    }

    /** True when the class at {@code relativePath} (slashes, ending in .java) is run. */
    public boolean runs(String relativePath) {
        return includes.stream().anyMatch(p -> matches(p, relativePath))
                && excludes.stream().noneMatch(p -> matches(p, relativePath));
    }

    static boolean matches(String antPattern, String path) {
        return toRegex(antPattern).matcher(path).matches();
    }

    private static Pattern toRegex(String antPattern) {
        StringBuilder regex = new StringBuilder();
        String p = antPattern.replace('\\', '/');
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' && i + 1 < p.length() && p.charAt(i + 1) == '*') {
                boolean slashFollows = i + 2 < p.length() && p.charAt(i + 2) == '/';
                regex.append(slashFollows ? "(?:.*/)?" : ".*");
                i += slashFollows ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
