package dev.llmproxy.release.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Runs one job of a workflow on this machine the way a GitHub-hosted runner would run its steps: in order,
 * {@code run:} scripts with {@code bash --noprofile --norc -eo pipefail}, fresh {@code GITHUB_OUTPUT},
 * {@code GITHUB_ENV}, {@code GITHUB_STEP_SUMMARY} and {@code GITHUB_PATH} files per step, {@code env:},
 * {@code with:}, {@code if:} and job {@code outputs:} evaluated by {@link Expressions}, and a step failure
 * skipping the remaining steps (their implicit {@code success()}).
 *
 * <p>{@code uses:} steps are replaced by {@link LocalAction}s keyed by the action name without its ref
 * ({@code actions/checkout}); a step using an action without a stand-in fails the test. A {@code run:} script
 * containing {@code ${{ }}} is refused: a real runner would paste the value into the script (the injection our
 * rules forbid), and the tests must not quietly do something else.
 */
final class JobRunner {
    private static final Pattern STATUS_FUNCTION = Pattern.compile("\\b(success|failure|always|cancelled)\\s*\\(");

    /** A local equivalent of a {@code uses:} action. */
    interface LocalAction {
        /**
         * @param with        the step's {@code with:} values, expressions evaluated
         * @param workspace   the job's {@code GITHUB_WORKSPACE}
         * @param environment the process environment the action would see: the runner's, the job's and the
         *                    step's {@code env:}, {@code RUNNER_TEMP}
         * @return the step's outputs
         * @throws Exception to fail the step with the exception's message
         */
        Map<String, String> run(Map<String, String> with, Path workspace, Map<String, String> environment) throws Exception;
    }

    /**
     * What the runner machine provides to a job.
     *
     * @param workspace   {@code GITHUB_WORKSPACE}, the working directory of {@code run:} steps
     * @param runnerTemp  {@code RUNNER_TEMP}
     * @param environment the process environment of every step (PATH, HOME, the {@code GITHUB_*} variables, ...)
     * @param github      the {@code github} context
     * @param inputs      the {@code inputs} given by the caller; defaults of {@code on.workflow_call.inputs} fill gaps
     * @param job         the {@code job} context (e.g. {@code workflow_repository}, {@code workflow_sha})
     * @param secrets     the {@code secrets} the caller passes (besides {@code GITHUB_TOKEN}, always there)
     */
    record Machine(Path workspace, Path runnerTemp, Map<String, String> environment, Map<String, Object> github,
                   Map<String, Object> inputs, Map<String, Object> job, Map<String, String> secrets) {
    }

    /** One step's result: outcome is {@code success}, {@code failure} or {@code skipped}. */
    record StepResult(String id, String name, String outcome, String log, Map<String, String> outputs) {
    }

    /** One job's result: {@code success}, {@code failure} or {@code skipped}, its outputs, steps and summary. */
    record JobResult(String result, Map<String, String> outputs, List<StepResult> steps, String summary) {
        static JobResult skipped() {
            return new JobResult("skipped", Map.of(), List.of(), "");
        }

        /** Names of the steps with the given outcome, in order. */
        List<String> stepNames(String outcome) {
            return steps.stream().filter(step -> step.outcome().equals(outcome)).map(StepResult::name).toList();
        }

        /** The step with this name; fails when there is none. */
        StepResult step(String name) {
            return steps.stream().filter(step -> step.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("No step named '" + name + "' in " + steps));
        }

        /** All step logs, for assertion messages and for checks over everything printed. */
        String log() {
            StringBuilder text = new StringBuilder();
            steps.forEach(step -> text.append("== ").append(step.name()).append(" (").append(step.outcome()).append(")\n").append(step.log()));
            return text.toString();
        }
    }

    private final JsonNode workflow;
    private final Map<String, LocalAction> actions;

    /**
     * @param workflow the parsed workflow file
     * @param actions  stand-ins for the actions its steps use, by action name without ref
     */
    JobRunner(JsonNode workflow, Map<String, LocalAction> actions) {
        this.workflow = workflow;
        this.actions = actions;
    }

    /**
     * Runs job {@code jobId} (its {@code if:} first).
     *
     * @param needs results of the jobs it needs, by job id
     * @return the job's result; never throws for a failing step
     */
    JobResult run(String jobId, Machine machine, Map<String, JobResult> needs) {
        JsonNode job = workflow.path("jobs").path(jobId);
        if (job.isMissingNode()) {
            throw new IllegalArgumentException("No job '" + jobId + "' in the workflow");
        }
        Map<String, Object> contexts = new LinkedHashMap<>();
        contexts.put("github", machine.github());
        contexts.put("inputs", inputsWithDefaults(machine.inputs()));
        contexts.put("needs", needsContext(needs));
        contexts.put("vars", Map.of());
        Map<String, Object> secrets = new LinkedHashMap<>(machine.secrets());
        secrets.put("GITHUB_TOKEN", machine.github().getOrDefault("token", ""));
        contexts.put("secrets", secrets);
        boolean needsSucceeded = needs.values().stream().allMatch(result -> result.result().equals("success"));
        Function<String, Boolean> jobStatus = function -> switch (function) {
            case "success" -> needsSucceeded;
            case "failure" -> !needsSucceeded;
            case "always" -> true;
            default -> false;
        };
        if (!shouldRun(job.path("if"), contexts, jobStatus)) {
            return JobResult.skipped();
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.putAll(evaluateMap(workflow.path("env"), contexts, jobStatus));
        env.putAll(evaluateMap(job.path("env"), contexts, jobStatus));
        Map<String, Object> stepsContext = new LinkedHashMap<>();
        contexts.put("steps", stepsContext);
        contexts.put("runner", Map.of("temp", machine.runnerTemp().toString(), "os", "Linux", "arch", "X64"));
        contexts.put("job", machine.job());
        List<StepResult> results = new ArrayList<>();
        StringBuilder summary = new StringBuilder();
        List<String> pathAdditions = new ArrayList<>();
        boolean failed = false;
        int index = 0;
        for (JsonNode step : job.path("steps")) {
            index++;
            String id = step.path("id").asText("__step" + index);
            String name = step.path("name").asText(step.has("run") ? step.path("run").asText() : step.path("uses").asText());
            contexts.put("env", env);
            boolean failedSoFar = failed;
            Function<String, Boolean> stepStatus = function -> switch (function) {
                case "success" -> !failedSoFar;
                case "failure" -> failedSoFar;
                case "always" -> true;
                default -> false;
            };
            StepResult result;
            if (!shouldRun(step.path("if"), contexts, stepStatus)) {
                result = new StepResult(id, name, "skipped", "", Map.of());
            } else {
                Map<String, String> stepEnv = new LinkedHashMap<>(env);
                stepEnv.putAll(evaluateMap(step.path("env"), contexts, stepStatus));
                result = step.has("run")
                        ? runScript(index, id, name, step.path("run").asText(), stepEnv, pathAdditions, env, summary, machine)
                        : runAction(id, name, step.path("uses").asText(), evaluateMap(step.path("with"), contexts, stepStatus), stepEnv, machine);
            }
            failed |= result.outcome().equals("failure");
            results.add(result);
            stepsContext.put(id, Map.of("outputs", result.outputs(), "outcome", result.outcome(), "conclusion", result.outcome()));
        }
        Map<String, String> outputs = failed ? Map.of() : evaluateMap(job.path("outputs"), contexts, function -> true);
        return new JobResult(failed ? "failure" : "success", outputs, results, summary.toString());
    }

    private StepResult runScript(int index, String id, String name, String script, Map<String, String> stepEnv,
                                 List<String> pathAdditions, Map<String, String> jobEnv, StringBuilder summary, Machine machine) {
        if (script.contains("${{")) {
            throw new IllegalStateException("Step '" + name + "' has an expression inside its run: script; pass it through env:");
        }
        try {
            Path commands = Files.createDirectories(machine.runnerTemp().resolve("_runner_file_commands"));
            Path output = Files.writeString(commands.resolve("set_output_" + index), "");
            Path envFile = Files.writeString(commands.resolve("set_env_" + index), "");
            Path summaryFile = Files.writeString(commands.resolve("step_summary_" + index), "");
            Path pathFile = Files.writeString(commands.resolve("add_path_" + index), "");
            Path scriptFile = Files.writeString(machine.runnerTemp().resolve("step_" + index + ".sh"), script);
            Map<String, String> processEnv = new LinkedHashMap<>(machine.environment());
            processEnv.putAll(stepEnv);
            processEnv.put("GITHUB_OUTPUT", output.toString());
            processEnv.put("GITHUB_ENV", envFile.toString());
            processEnv.put("GITHUB_STEP_SUMMARY", summaryFile.toString());
            processEnv.put("GITHUB_PATH", pathFile.toString());
            processEnv.put("GITHUB_WORKSPACE", machine.workspace().toString());
            processEnv.put("RUNNER_TEMP", machine.runnerTemp().toString());
            if (!pathAdditions.isEmpty()) {
                processEnv.put("PATH", String.join(":", pathAdditions) + ":" + processEnv.getOrDefault("PATH", ""));
            }
            Processes.Result process = Processes.run(
                    List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", scriptFile.toString()), machine.workspace(), processEnv);
            String log = process.output();
            Map<String, String> outputs;
            try {
                outputs = CommandFiles.parse(Files.readString(output, StandardCharsets.UTF_8));
                jobEnv.putAll(CommandFiles.parse(Files.readString(envFile, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                return new StepResult(id, name, "failure", log + "\nRunner: " + e.getMessage(), Map.of());
            }
            Files.readAllLines(pathFile).stream().filter(line -> !line.isBlank()).forEach(line -> pathAdditions.add(0, line));
            summary.append(Files.readString(summaryFile, StandardCharsets.UTF_8));
            return new StepResult(id, name, process.exitCode() == 0 ? "success" : "failure", log, outputs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StepResult runAction(String id, String name, String uses, Map<String, String> with, Map<String, String> stepEnv,
                                 Machine machine) {
        String action = uses.contains("@") ? uses.substring(0, uses.indexOf('@')) : uses;
        LocalAction local = actions.get(action);
        if (local == null) {
            throw new IllegalStateException("No local stand-in for action " + action + " (step '" + name + "')");
        }
        try {
            Map<String, String> environment = new LinkedHashMap<>(machine.environment());
            environment.putAll(stepEnv);
            environment.put("GITHUB_WORKSPACE", machine.workspace().toString());
            environment.put("RUNNER_TEMP", machine.runnerTemp().toString());
            return new StepResult(id, name, "success", "", local.run(with, machine.workspace(), environment));
        } catch (Exception e) {
            return new StepResult(id, name, "failure", action + ": " + e.getMessage(), Map.of());
        }
    }

    private Map<String, Object> inputsWithDefaults(Map<String, Object> given) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> declared = workflow.path("on").path("workflow_call").path("inputs").fields();
        while (declared.hasNext()) {
            Map.Entry<String, JsonNode> input = declared.next();
            JsonNode value = input.getValue().path("default");
            inputs.put(input.getKey(), value.isMissingNode() ? null : value.isBoolean() ? (Object) value.asBoolean() : value.asText());
        }
        inputs.putAll(given);
        return inputs;
    }

    private static Map<String, Object> needsContext(Map<String, JobResult> needs) {
        Map<String, Object> context = new LinkedHashMap<>();
        needs.forEach((job, result) -> context.put(job, Map.of("result", result.result(), "outputs", result.outputs())));
        return context;
    }

    private static boolean shouldRun(JsonNode condition, Map<String, Object> contexts, Function<String, Boolean> status) {
        if (condition.isMissingNode()) {
            return status.apply("success");
        }
        String text = condition.asText();
        if (!STATUS_FUNCTION.matcher(text).find()) {
            text = "success() && (" + stripWrapper(text) + ")";
        }
        return Expressions.condition(text, contexts, status);
    }

    private static String stripWrapper(String text) {
        String trimmed = text.strip();
        return trimmed.startsWith("${{") && trimmed.endsWith("}}") ? trimmed.substring(3, trimmed.length() - 2) : trimmed;
    }

    private static Map<String, String> evaluateMap(JsonNode node, Map<String, Object> contexts, Function<String, Boolean> status) {
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> values.put(entry.getKey(),
                entry.getValue().isObject() ? entry.getValue().toString()
                        : Expressions.interpolate(entry.getValue().asText(), contexts, status)));
        return values;
    }
}
