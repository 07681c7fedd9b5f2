package org.epicall.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestClassPatternsTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "**/*Test.java,       org/epicall/FooTest.java,             true",
            "**/*Test.java,       FooTest.java,                         true",
            "**/*Test.java,       org/epicall/FooTests.java,            false",
            "**/*Test.java,       org/epicall/TestFoo.java,             false",
            "**/Test*.java,       org/epicall/TestFoo.java,             true",
            "**/*Properties.java, org/epicall/ledger/LedgerProperties.java, true",
            "**/*Properties.java, org/epicall/PropertiesHelper.java,    false",
            "**/*$*,              org/epicall/Outer$Inner.java,         true",
            "org/*/FooTest.java,  org/epicall/FooTest.java,             true",
            "org/*/FooTest.java,  org/epicall/x/FooTest.java,           false",
            "**/x/**/*IT.java,    a/x/b/c/FooIT.java,                   true",
            "**/x/**/*IT.java,    a/x/FooIT.java,                       true",
            "**/?IT.java,         a/AIT.java,                           true",
            "**/?IT.java,         a/ABIT.java,                          false",
    })
    void antPatternsMatchAsSurefireReadsThem(String pattern, String path, boolean expected) {
        assertThat(TestClassPatterns.matches(pattern.trim(), path.trim())).isEqualTo(expected);
    }

    @Test
    void aClassRunsWhenIncludedAndNotExcluded() {
        TestClassPatterns surefire = new TestClassPatterns(TestClassPatterns.SUREFIRE_INCLUDES,
                List.of("**/Slow*"));

        assertThat(surefire.runs("org/epicall/FooTest.java")).isTrue();
        assertThat(surefire.runs("org/epicall/SlowFooTest.java")).isFalse();
        assertThat(surefire.runs("org/epicall/FooProperties.java")).isFalse();
    }

    @Test
    void aRunnerWithoutIncludesIsRefused() {
        assertThatThrownBy(() -> new TestClassPatterns(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
