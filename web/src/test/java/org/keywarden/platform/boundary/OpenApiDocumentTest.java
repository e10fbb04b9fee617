package org.keywarden.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keywarden.device.boundary.DeviceAuthenticated;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Keeps {@code src/main/webapp/openapi.yaml} (served at {@code /openapi.yaml}) in step with the JAX-RS
 * resources: the same operations both ways, the same path parameters, bearer authentication exactly
 * on the device-token endpoints, and the status codes each device operation really answers.
 */
class OpenApiDocumentTest {

    private static final String BEARER = "bearerAuth";
    private static final List<String> HTTP_METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*(?::[^}]*)?}");

    /** One HTTP operation, e.g. {@code POST /api/v1/devices}. */
    record Operation(String method, String path) implements Comparable<Operation> {
        @Override
        public int compareTo(Operation other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Operation ENROLL = new Operation("POST", "/api/v1/devices");

    /** The status codes each device operation answers (see protocol.md and the resources); 500 and 503 apply to all. */
    private static final Map<Operation, Set<String>> DEVICE_OPERATIONS = Map.of(
            ENROLL, Set.of("201", "400", "401", "413"),
            new Operation("POST", "/api/v1/devices/{deviceId}/recovery-keys"),
            Set.of("201", "200", "409", "400", "401", "403", "413", "415"),
            new Operation("PUT", "/api/v1/devices/{deviceId}/tpm"), Set.of("204", "400", "401", "403"),
            new Operation("POST", "/api/v1/devices/{deviceId}/status"), Set.of("200", "400", "401", "403"),
            new Operation("GET", "/api/v1/devices/{deviceId}/actions"), Set.of("200", "401", "403"));
    private static final Set<String> EVERY_OPERATION = Set.of("500", "503");

    private static Map<String, Object> document;
    private static Map<Operation, Map<String, Object>> documented;
    private static Map<Operation, Method> implemented;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        Path file = Path.of(System.getProperty("basedir", System.getProperty("user.dir")),
                "src", "main", "webapp", "openapi.yaml");
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = map(new Yaml(new SafeConstructor(options)).load(reader), "the document");
        }
        documented = documentedOperations();
        implemented = implementedOperations();
    }

    @Test
    void isAnOpenApi31DocumentServedFromTheRoot() {
        assertTrue(String.valueOf(document.get("openapi")).startsWith("3.1."),
                "openapi must be 3.1.x, is " + document.get("openapi"));
        List<Object> servers = list(document.get("servers"), "servers");
        assertEquals("/", map(servers.get(0), "servers[0]").get("url"), "the first server must be /");
        Map<String, Object> scheme = map(resolve(at(document, "components", "securitySchemes", BEARER)),
                "components.securitySchemes." + BEARER);
        assertEquals("http", scheme.get("type"), BEARER + " must be an http scheme");
        assertEquals("bearer", String.valueOf(scheme.get("scheme")).toLowerCase(), BEARER + " must be a bearer scheme");
    }

    @Test
    void namesTheProjectsLicence() {
        Map<String, Object> licence = map(at(document, "info", "license"), "info.license");
        assertEquals("Apache-2.0", licence.get("identifier"), "info.license.identifier must be the SPDX id of LICENSE");
    }

    @Test
    void documentsEveryOperationTheCodeImplements() {
        Set<Operation> missing = new TreeSet<>(implemented.keySet());
        missing.removeAll(documented.keySet());
        if (!missing.isEmpty()) {
            fail("openapi.yaml lacks operation(s) the code implements: " + missing.stream()
                    .map(o -> o + " (" + describe(implemented.get(o)) + ")").collect(Collectors.joining(", ")));
        }
    }

    @Test
    void documentsNoOperationTheCodeLacks() {
        Set<Operation> extra = new TreeSet<>(documented.keySet());
        extra.removeAll(implemented.keySet());
        if (!extra.isEmpty()) {
            fail("openapi.yaml documents operation(s) no resource implements: " + extra
                    + "; implemented are " + new TreeSet<>(implemented.keySet()));
        }
    }

    @Test
    void knowsTheDeviceOperationsOfTheContract() {
        Set<Operation> missing = new TreeSet<>(DEVICE_OPERATIONS.keySet());
        missing.removeAll(implemented.keySet());
        assertTrue(missing.isEmpty(), "device operation(s) of the contract not implemented: " + missing);
    }

    @Test
    void declaresEachPathParameterOfTheTemplateAndTheCode() {
        List<String> problems = new ArrayList<>();
        documented.forEach((operation, op) -> {
            Set<String> inTemplate = templateNames(operation.path());
            Set<String> declared = new TreeSet<>();
            Map<String, Object> pathItem = map(at(document, "paths", operation.path()), operation.path());
            for (Object parameters : Arrays.asList(pathItem.get("parameters"), op.get("parameters"))) {
                for (Object p : list(parameters, operation + " parameters")) {
                    Map<String, Object> parameter = map(resolve(p), operation + " parameter");
                    if ("path".equals(parameter.get("in"))) {
                        declared.add(String.valueOf(parameter.get("name")));
                        if (!Boolean.TRUE.equals(parameter.get("required"))) {
                            problems.add(operation + ": path parameter " + parameter.get("name") + " must be required");
                        }
                    }
                }
            }
            if (!declared.equals(inTemplate)) {
                problems.add(operation + ": declares path parameters " + declared + " but its path has " + inTemplate);
            }
            Method method = implemented.get(operation);
            if (method != null) {
                for (Parameter parameter : method.getParameters()) {
                    PathParam pathParam = parameter.getAnnotation(PathParam.class);
                    if (pathParam != null && !inTemplate.contains(pathParam.value())) {
                        problems.add(operation + ": " + describe(method) + " reads @PathParam(\"" + pathParam.value()
                                + "\"), which the path does not have");
                    }
                }
            }
        });
        assertNoProblems(problems);
    }

    @Test
    void requiresTheDeviceTokenExactlyWhereTheCodeChecksIt() {
        List<String> problems = new ArrayList<>();
        for (Operation operation : DEVICE_OPERATIONS.keySet()) {
            Method method = implemented.get(operation);
            if (method != null && isDeviceAuthenticated(method) == operation.equals(ENROLL)) {
                problems.add(operation + ": the code " + (operation.equals(ENROLL) ? "checks" : "does not check")
                        + " the device token (@DeviceAuthenticated on " + describe(method) + ")");
            }
        }
        documented.forEach((operation, op) -> {
            List<Object> requirements = list(op.containsKey("security") ? op.get("security") : document.get("security"),
                    operation + " security");
            boolean anonymous = requirements.isEmpty()
                    || requirements.stream().anyMatch(r -> map(r, operation + " security").isEmpty());
            boolean bearer = !anonymous
                    && requirements.stream().allMatch(r -> map(r, operation + " security").containsKey(BEARER));
            boolean mentionsBearer = requirements.stream().anyMatch(r -> map(r, operation + " security").containsKey(BEARER));
            Method method = implemented.get(operation);
            boolean expected = operation.equals(ENROLL) ? false
                    : DEVICE_OPERATIONS.containsKey(operation) || (method != null && isDeviceAuthenticated(method));
            if (expected && !bearer) {
                problems.add(operation + ": must require " + BEARER + " (security: [{" + BEARER + ": []}])");
            }
            if (!expected && mentionsBearer) {
                problems.add(operation + ": must not require " + BEARER + " (no device token is checked)");
            }
            if (operation.equals(ENROLL) && !anonymous) {
                problems.add(operation + ": enrollment must be open (security: [])");
            }
        });
        assertNoProblems(problems);
    }

    @Test
    void documentsTheStatusCodesEachOperationAnswers() {
        List<String> problems = new ArrayList<>();
        documented.forEach((operation, op) -> {
            Map<String, Object> responses = map(op.get("responses"), operation + " responses");
            Set<String> codes = responses.keySet().stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
            Set<String> required = new TreeSet<>(EVERY_OPERATION);
            required.addAll(DEVICE_OPERATIONS.getOrDefault(operation, Set.of()));
            Set<String> missing = new TreeSet<>(required);
            missing.removeAll(codes);
            if (!missing.isEmpty()) {
                problems.add(operation + ": lacks response(s) " + missing + " (documents " + codes + ")");
            }
            responses.forEach((code, response) -> {
                if (String.valueOf(code).matches("[45]\\d\\d")) {
                    Map<String, Object> content = map(map(resolve(response), operation + " " + code).get("content"),
                            operation + " " + code + " content");
                    if (!content.keySet().equals(Set.of(Problems.MEDIA_TYPE))) {
                        problems.add(operation + ": response " + code + " must be " + Problems.MEDIA_TYPE
                                + " only, is " + content.keySet());
                    }
                }
            });
        });
        assertNoProblems(problems);
    }

    @Test
    void describesTheBodiesInTheMediaTypesTheCodeUses() {
        List<String> problems = new ArrayList<>();
        documented.forEach((operation, op) -> {
            Method method = implemented.get(operation);
            if (method == null) {
                return;
            }
            Set<String> consumes = mediaTypes(method, Consumes.class);
            Set<String> requestTypes = op.get("requestBody") == null ? Set.of()
                    : map(map(resolve(op.get("requestBody")), operation + " requestBody").get("content"),
                            operation + " requestBody content").keySet();
            if (!consumes.equals(requestTypes)) {
                problems.add(operation + ": request body types " + requestTypes + " differ from @Consumes " + consumes);
            }
            Set<String> produces = mediaTypes(method, Produces.class);
            map(op.get("responses"), operation + " responses").forEach((code, response) -> {
                if (String.valueOf(code).startsWith("2")) {
                    Set<String> types = map(map(resolve(response), operation + " " + code).get("content"),
                            operation + " " + code + " content").keySet();
                    if (!produces.containsAll(types)) {
                        problems.add(operation + ": response " + code + " types " + types + " not in @Produces " + produces);
                    }
                }
            });
        });
        assertNoProblems(problems);
    }

    // --- the code ---

    private static Map<Operation, Method> implementedOperations() throws IOException, URISyntaxException {
        Path classes = Path.of(KeywardenApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String base = KeywardenApi.class.getAnnotation(ApplicationPath.class).value();
        Map<Operation, Method> operations = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                if (!name.startsWith("org.keywarden.")) {
                    continue;
                }
                Class<?> type;
                try {
                    type = Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot load " + name, e);
                }
                jakarta.ws.rs.Path classPath = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    if (method.isBridge() || method.isSynthetic()) {
                        continue;
                    }
                    jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
                    List<String> verbs = Arrays.stream(method.getAnnotations())
                            .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                            .filter(h -> h != null).map(HttpMethod::value).toList();
                    if (verbs.isEmpty()) {
                        if (methodPath != null) {
                            problems.add(describe(method) + " is a sub-resource locator, which this test cannot follow");
                        }
                        continue;
                    }
                    String path = join(base, classPath.value(), methodPath == null ? "" : methodPath.value());
                    for (String verb : verbs) {
                        Method previous = operations.put(new Operation(verb, path), method);
                        if (previous != null) {
                            problems.add(verb + " " + path + " is implemented twice: " + describe(previous)
                                    + " and " + describe(method));
                        }
                    }
                }
            }
        }
        assertNoProblems(problems);
        assertTrue(!operations.isEmpty(), "no JAX-RS resource found under " + classes);
        return operations;
    }

    /** {@code /api} + class path + method path, with single slashes and templates reduced to their names. */
    static String join(String... parts) {
        String joined = Arrays.stream(parts).map(p -> p.replaceAll("^/+|/+$", "")).filter(p -> !p.isEmpty())
                .collect(Collectors.joining("/", "/", ""));
        Matcher m = TEMPLATE.matcher(joined);
        return m.replaceAll(r -> "{" + Matcher.quoteReplacement(r.group(1)) + "}");
    }

    private static Set<String> templateNames(String path) {
        Set<String> names = new TreeSet<>();
        Matcher m = TEMPLATE.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static boolean isDeviceAuthenticated(Method method) {
        return method.isAnnotationPresent(DeviceAuthenticated.class)
                || method.getDeclaringClass().isAnnotationPresent(DeviceAuthenticated.class);
    }

    private static Set<String> mediaTypes(Method method, Class<? extends Annotation> kind) {
        Annotation annotation = method.isAnnotationPresent(kind) ? method.getAnnotation(kind)
                : method.getDeclaringClass().getAnnotation(kind);
        if (annotation == null) {
            return Set.of();
        }
        String[] values = annotation instanceof Consumes c ? c.value() : ((Produces) annotation).value();
        return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    // --- the document ---

    private static Map<Operation, Map<String, Object>> documentedOperations() {
        Map<Operation, Map<String, Object>> operations = new TreeMap<>();
        map(document.get("paths"), "paths").forEach((path, item) -> {
            map(item, "paths." + path).forEach((key, value) -> {
                if (HTTP_METHODS.contains(key)) {
                    operations.put(new Operation(key.toUpperCase(), path), map(value, path + " " + key));
                }
            });
        });
        assertTrue(!operations.isEmpty(), "openapi.yaml documents no operation");
        return operations;
    }

    /** Follows local references ({@code #/components/...}) until a value that is not one. */
    private static Object resolve(Object value) {
        Set<String> seen = new LinkedHashSet<>();
        while (value instanceof Map<?, ?> m && m.get("$ref") instanceof String ref) {
            if (!ref.startsWith("#/") || !seen.add(ref)) {
                fail("cannot follow $ref " + ref + (seen.contains(ref) ? " (a cycle)" : " (not local)"));
            }
            Object current = document;
            for (String token : ref.substring(2).split("/")) {
                String key = token.replace("~1", "/").replace("~0", "~");
                current = map(current, ref).get(key);
                if (current == null) {
                    fail("$ref " + ref + " points at nothing");
                }
            }
            value = current;
        }
        return value;
    }

    private static Object at(Map<String, Object> root, String... keys) {
        Object current = root;
        for (String key : keys) {
            current = map(current, String.join(".", keys)).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new AssertionError(what + " must be a mapping, is " + value.getClass().getSimpleName());
        }
        Map<String, Object> copy = new TreeMap<>();
        m.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String what) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> l)) {
            throw new AssertionError(what + " must be a list, is " + value.getClass().getSimpleName());
        }
        return (List<Object>) l;
    }

    private static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) {
            fail("openapi.yaml and the code disagree:\n  " + String.join("\n  ", problems));
        }
    }
}
