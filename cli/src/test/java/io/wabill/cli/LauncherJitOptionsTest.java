package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The launcher names methods in its JIT options ({@code JIT_OUT_OF_LINE}, made into {@code BATCH_JIT}); the JVM
 * ignores a name that matches nothing, so a renamed method would lose the option silently. Each name must be a
 * method of this build.
 */
class LauncherJitOptionsTest {
    @Test
    void everyMethodTheLauncherKeepsOutOfLineExists() throws Exception {
        Path launcher = Path.of(System.getProperty("user.dir")).getParent().resolve("wabill");
        Matcher list = Pattern.compile("(?m)^JIT_OUT_OF_LINE=\"([^\"]*)\"").matcher(Files.readString(launcher));
        assertTrue(list.find(), "the launcher lists the methods it keeps out of line in JIT_OUT_OF_LINE=\"...\"");
        List<String> named = new ArrayList<>();
        for (String name : list.group(1).trim().split("\\s+")) {
            String[] parts = name.split("::");
            assertEquals(2, parts.length, "a method in JIT_OUT_OF_LINE is CLASS::METHOD, was " + name);
            Class<?> type = Class.forName(parts[0]);
            assertTrue(Arrays.stream(type.getDeclaredMethods()).anyMatch(x -> x.getName().equals(parts[1])),
                    "the launcher keeps " + name + " out of line, but there is no such method");
            named.add(name);
        }
        assertTrue(named.size() >= 2, "JIT_OUT_OF_LINE names " + named);
    }
}
