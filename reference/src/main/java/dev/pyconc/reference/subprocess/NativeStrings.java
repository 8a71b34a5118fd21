package dev.pyconc.reference.subprocess;

import java.util.List;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/** A C {@code char *const []}: the pointers, NULL-terminated, then the NUL-terminated strings, in one block. */
final class NativeStrings {
    private NativeStrings() {}

    static Pointer block(List<byte[]> strings) {
        int n = strings.size();
        long table = 8L * (n + 1);
        long size = table;
        for (byte[] s : strings) {
            size += s.length + 1;
        }
        Pointer p = Memory.allocateDirect(Native.RUNTIME, size);
        long base = p.address();
        long off = table;
        for (int i = 0; i < n; i++) {
            byte[] s = strings.get(i);
            p.putAddress(8L * i, base + off);
            p.put(off, s, 0, s.length);
            p.putByte(off + s.length, (byte) 0);
            off += s.length + 1;
        }
        p.putAddress(8L * n, 0L);
        return p;
    }
}
