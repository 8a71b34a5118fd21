package dev.pyconc.reference.subprocess;

import dev.pyconc.spi.subprocess.PopenOptions;
import java.util.Arrays;
import java.util.List;

/**
 * {@code run(["true"])} through the reference, timed one call at a time: the figure to hold against CPython's
 * {@code python3.14 -m timeit -s 'import subprocess' 'subprocess.run(["true"])'}. Not a test (the machine's
 * load decides the numbers); run it with the test class path:
 * {@code java -cp ... dev.pyconc.reference.subprocess.SpawnBenchmark [calls] [rounds] [program]}.
 */
public final class SpawnBenchmark {
    private SpawnBenchmark() {}

    public static void main(String[] a) {
        int n = a.length > 0 ? Integer.parseInt(a[0]) : 2000;
        int rounds = a.length > 1 ? Integer.parseInt(a[1]) : 5;
        String prog = a.length > 2 ? a[2] : "true";
        RefSubprocessModule sm = new RefSubprocessModule();
        PopenOptions o = PopenOptions.defaults();
        for (int i = 0; i < 500; i++) {
            sm.run(List.of(prog), o); // warm-up: JIT and the native stubs
        }
        for (int r = 0; r < rounds; r++) {
            long[] t = new long[n];
            long all = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                sm.run(List.of(prog), o);
                t[i] = System.nanoTime() - s;
            }
            all = System.nanoTime() - all;
            Arrays.sort(t);
            System.out.printf("round %d: run([\"" + prog + "\"]) median %.0f us, p10 %.0f us, p90 %.0f us, mean %.0f us (%d calls)%n",
                    r, t[n / 2] / 1e3, t[n / 10] / 1e3, t[n * 9 / 10] / 1e3, all / 1e3 / n, n);
        }
        sm.cleanUp();
    }
}
