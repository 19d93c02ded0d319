package dev.llmproxy.release.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expression evaluator against examples from GitHub's "Evaluate expressions" documentation. */
class ExpressionsTest {
    private static final Map<String, Object> CONTEXTS = Map.of(
            "inputs", Map.of("image-module", "", "tag", "v1.2.3", "publish", true),
            "github", Map.of("ref", "refs/tags/v1.2.3", "event", Map.of("repository", Map.of("default_branch", "main"))),
            "needs", Map.of("verify", Map.of("result", "success", "outputs", Map.of("tag", "v1.2.3")),
                    "image", Map.of("result", "skipped", "outputs", Map.of())));
    private static final Function<String, Boolean> NOT_CANCELLED = function -> !function.equals("cancelled") && !function.equals("failure");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', emptyValue = "", value = {
        "inputs.tag                                          => v1.2.3",
        "inputs.TAG                                          => v1.2.3",
        "inputs['tag']                                       => v1.2.3",
        "inputs.publish                                      => true",
        "inputs.missing                                      => \"\"",
        "inputs.tag || github.ref                            => v1.2.3",
        "inputs.image-module || github.ref                   => refs/tags/v1.2.3",
        "inputs.image-module && github.ref                   => \"\"",
        "inputs.image-module != ''                           => false",
        "inputs.tag == 'V1.2.3'                              => true",
        "github.event.repository.default_branch              => main",
        "needs.image.outputs.digest                          => \"\"",
        "!cancelled() && needs.verify.result == 'success'    => true",
        "(needs.image.result == 'success' || needs.image.result == 'skipped') => true",
        "'it''s'                                             => it's",
        "1 == '1'                                            => true",
        "startsWith(github.ref, 'refs/tags/')                => true",
    })
    void evaluates(String expression, String expected) {
        assertEquals(expected, Expressions.asString(Expressions.evaluate(expression, CONTEXTS, NOT_CANCELLED)));
    }

    @Test
    void interpolatesEveryExpressionOfATemplate() {
        assertEquals("release-refs/tags/v1.2.3-v1.2.3",
                Expressions.interpolate("release-${{ github.ref }}-${{ needs.verify.outputs.tag }}", CONTEXTS, NOT_CANCELLED));
    }

    @Test
    void conditionsWorkWithAndWithoutTheWrapper() {
        assertTrue(Expressions.condition("${{ inputs.tag != '' }}", CONTEXTS, NOT_CANCELLED));
        assertTrue(Expressions.condition("inputs.tag != ''", CONTEXTS, NOT_CANCELLED));
    }

    @ParameterizedTest
    @CsvSource({"secrets.TOKEN", "toJSON(inputs)", "inputs.tag > 1", "inputs.*.tag"})
    void unsupportedExpressionsFailLoudly(String expression) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Expressions.evaluate(expression, CONTEXTS, NOT_CANCELLED));
        assertTrue(error.getMessage().startsWith("Unsupported expression '" + expression + "'"), error.getMessage());
    }
}
