package dev.llmproxy.release;

/** Pom texts the tests share. */
public final class TestPoms {
    private TestPoms() {}

    /**
     * @param version the project version, e.g. {@code 1.0.0-SNAPSHOT}
     * @return a single-module pom of {@code org.example:app} at that version, LF line ends
     */
    public static String app(String version) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.example</groupId>
                  <artifactId>app</artifactId>
                  <version>%s</version>
                </project>
                """.formatted(version);
    }
}
