package io.wabill.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The launcher names methods in its JIT options ({@code BATCH_JIT}); the JVM ignores a name that matches nothing, so
 * a renamed method would lose the option silently. Each name must be a method of this build.
 */
class LauncherJitOptionsTest {
    @Test
    void everyMethodTheLauncherKeepsOutOfLineExists() throws Exception {
        Path launcher = Path.of(System.getProperty("user.dir")).getParent().resolve("wabill");
        String text = Files.readString(launcher);
        Matcher m = Pattern.compile("dontinline,([\\w.$]+)::(\\w+)").matcher(text);
        List<String> named = new ArrayList<>();
        while (m.find()) {
            Class<?> type = Class.forName(m.group(1));
            String method = m.group(2);
            assertTrue(Arrays.stream(type.getDeclaredMethods()).anyMatch(x -> x.getName().equals(method)),
                    "the launcher keeps " + type.getName() + "::" + method + " out of line, but there is no such method");
            named.add(m.group(1) + "::" + method);
        }
        assertFalse(named.isEmpty(), "the launcher's BATCH_JIT names its methods as CLASS::METHOD");
    }
}
