package dev.llmproxy.release.api;

import java.util.Locale;

/**
 * One incompatible change of a module's public or protected API between two jars, as japicmp reports it.
 *
 * @param className the fully qualified name of the class the change is in ({@code com.example.Foo})
 * @param member the member ({@code bar(int)}, a field name, {@code Foo(String)} for a constructor), or
 *     {@code null} when the change is to the class itself
 * @param kind japicmp's change type, lower case with spaces ({@code "method removed"})
 * @param binaryIncompatible true when code compiled against the old jar breaks at run time (linkage)
 */
public record ApiChange(String className, String member, String kind, boolean binaryIncompatible) {

    /**
     * @param japicmpType the name of a {@code japicmp.model.JApiCompatibilityChangeType} constant
     * @return the kind as shown to users: {@code METHOD_REMOVED} → {@code "method removed"}
     */
    public static String kindOf(String japicmpType) {
        return japicmpType.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** @return one line for logs and plan.json: {@code "method removed Foo.bar(int)"} */
    public String describe() {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return kind + " " + (member == null ? simple : simple + "." + member);
    }
}
