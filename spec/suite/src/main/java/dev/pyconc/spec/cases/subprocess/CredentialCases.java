package dev.pyconc.spec.cases.subprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.subprocess.PopenOptions;
import dev.pyconc.spi.subprocess.Redirect;
import dev.pyconc.spi.subprocess.SubprocessModule;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Cases for the child's credentials: {@code user}, {@code group}, {@code extra_groups} and {@code umask}, which
 * an implementation sets between fork and exec (features SUBPROCESS_CREDENTIALS and SUBPROCESS_UMASK). Changing user or groups needs
 * privilege, so those cases run only where the implementation runs as root (otherwise SKIP, with the reason),
 * and use uid/gid 65534, {@code nobody}/{@code nogroup}.
 */
@PyCase
class CredentialCases {
    private static final PopenOptions CAPTURE = PopenOptions.defaults().stdin(Redirect.DEVNULL).captureOutput(true);
    private static final long NOBODY = 65534L;

    private static String out(SubprocessModule sm, List<String> args, PopenOptions o) {
        return ((PyBytes) sm.run(args, o.check(true)).stdout()).utf8().trim();
    }

    private static void assumeRoot(SubprocessModule sm) {
        Assumptions.assumeTrue("0".equals(out(sm, List.of("id", "-u"), CAPTURE)),
                "the implementation does not run as root, so it cannot change a child's user or groups");
    }

    /** user=65534 and user='nobody' make the child's real and effective uid 65534. */
    @Test
    @Checks("subprocess.Popen/user-sets-uid")
    void user(SubprocessModule sm) {
        assumeRoot(sm);
        for (Object u : List.of(NOBODY, "nobody")) {
            assertEquals("65534 65534", out(sm, List.of("sh", "-c", "echo $(id -u) $(id -ru)"), CAPTURE.user(u)), "user=" + u);
        }
    }

    /** group=65534 and group='nogroup' make the child's real and effective gid 65534. */
    @Test
    @Checks("subprocess.Popen/group-sets-gid")
    void group(SubprocessModule sm) {
        assumeRoot(sm);
        for (Object g : List.of(NOBODY, "nogroup")) {
            assertEquals("65534 65534", out(sm, List.of("sh", "-c", "echo $(id -g) $(id -rg)"), CAPTURE.group(g)), "group=" + g);
        }
    }

    /** extra_groups=[65534] (or ['nogroup']) makes 65534 the child's only supplementary group. */
    @Test
    @Checks("subprocess.Popen/extra-groups-sets-groups")
    void extraGroups(SubprocessModule sm) {
        assumeRoot(sm);
        for (Object g : List.of(NOBODY, "nogroup")) {
            String[] lines = out(sm, List.of("sh", "-c", "id -g; id -G"), CAPTURE.extraGroups(List.of(g))).split("\n");
            String gid = lines[0].trim();
            Set<String> groups = new HashSet<>(Arrays.asList(lines[1].trim().split(" ")));
            assertTrue(groups.contains("65534"), "id -G: " + groups);
            groups.remove("65534");
            groups.remove(gid);
            assertEquals(Set.of(), groups, "supplementary groups beyond the ones given");
        }
    }

    /** umask=0o027 (and 0o077) is the child's umask. */
    @Test
    @Checks("subprocess.Popen/umask-sets-child-umask")
    void umask(SubprocessModule sm) {
        assertEquals("0027", out(sm, List.of("sh", "-c", "umask"), CAPTURE.umask(027)));
        assertEquals("0077", out(sm, List.of("sh", "-c", "umask"), CAPTURE.umask(077)));
    }
}
