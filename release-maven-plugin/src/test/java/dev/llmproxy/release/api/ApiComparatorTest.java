package dev.llmproxy.release.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real japicmp runs on jars compiled in the test: what counts as incompatible, and what the excludes leave out. */
class ApiComparatorTest {
    @TempDir
    Path dir;

    private static final String FOO_V1 = """
            package com.example;
            public class Foo {
                public int bar(int x) { return x; }
                public String name;
                protected void hook() {}
                void internal() {}
            }
            """;

    private List<ApiChange> compare(List<String> excludes, Map<String, String> before, Map<String, String> after)
            throws IOException {
        Path old = TestJars.jar(dir, "old.jar", before);
        Path now = TestJars.jar(dir, "new.jar", after);
        return new ApiComparator(excludes).incompatibleChanges(old, now);
    }

    @Test
    void aRemovedPublicMethodIsBinaryIncompatible() throws IOException {
        List<ApiChange> changes = compare(List.of(), Map.of("com.example.Foo", FOO_V1), Map.of("com.example.Foo", """
                package com.example;
                public class Foo {
                    public String name;
                    protected void hook() {}
                    void internal() {}
                }
                """));
        assertEquals(List.of(new ApiChange("com.example.Foo", "bar(int)", "method removed", true)), changes);
        assertEquals("method removed Foo.bar(int)", changes.get(0).describe());
    }

    @Test
    void anAddedMethodAndAChangedPackagePrivateMethodAreCompatible() throws IOException {
        List<ApiChange> changes = compare(List.of(), Map.of("com.example.Foo", FOO_V1), Map.of("com.example.Foo", """
                package com.example;
                public class Foo {
                    public int bar(int x) { return x; }
                    public int baz() { return 1; }
                    public String name;
                    protected void hook() {}
                    void internal(String changed) {}
                }
                """));
        assertEquals(List.of(), changes);
    }

    @Test
    void protectedApiCountsAndFieldsAndClassesAreNamed() throws IOException {
        List<ApiChange> changes = compare(List.of(),
                Map.of("com.example.Foo", FOO_V1, "com.example.Gone", "package com.example; public class Gone {}"),
                Map.of("com.example.Foo", """
                        package com.example;
                        public class Foo {
                            public int bar(int x) { return x; }
                            void internal() {}
                        }
                        """));
        assertEquals(List.of(
                "field removed Foo.name",
                "method removed Foo.hook()",
                "class removed Gone"),
                changes.stream().map(ApiChange::describe).sorted((a, b) -> order(a) - order(b)).toList());
    }

    private static int order(String line) {
        return line.startsWith("field") ? 0 : line.startsWith("method") ? 1 : 2;
    }

    @Test
    void aMethodAddedToAnInterfaceIsSourceIncompatibleOnly() throws IOException {
        List<ApiChange> changes = compare(List.of(),
                Map.of("com.example.Api", "package com.example; public interface Api { void a(); }"),
                Map.of("com.example.Api", "package com.example; public interface Api { void a(); void b(); }"));
        assertEquals(List.of(new ApiChange("com.example.Api", "b()", "method added to interface", false)), changes);
    }

    @Test
    void excludedPackagesAndAnnotatedClassesAreNotChecked() throws IOException {
        Map<String, String> before = Map.of(
                "com.example.internal.Impl", "package com.example.internal; public class Impl { public void x() {} }",
                "com.example.Beta", "package com.example; public @interface Beta {}",
                "com.example.Trial", "package com.example; @Beta public class Trial { public void y() {} }");
        Map<String, String> after = Map.of(
                "com.example.internal.Impl", "package com.example.internal; public class Impl {}",
                "com.example.Beta", "package com.example; public @interface Beta {}",
                "com.example.Trial", "package com.example; @Beta public class Trial {}");
        assertEquals(2, compare(List.of(), before, after).size());
        assertEquals(List.of(), compare(List.of("*.internal.*", "@com.example.Beta"), before, after));
    }
}
