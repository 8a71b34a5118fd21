package dev.pyconc.reference.subprocess;

import dev.pyconc.reference.posix.Posix;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.subprocess.Os;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code os} functions of {@link Os}, on the JVM's own process through jnr-posix: the fds a child of the
 * reference inherits are the JVM's. As in Python (PEP 446) the fds made by {@code open} and {@code pipe} are
 * not inheritable ({@code O_CLOEXEC}); errors are the OSError subclass of the errno. The fds they make are
 * registered with the adapter, which closes those still open at the end of the case.
 */
final class RefOs implements Os {
    private final Children children;

    RefOs(Children children) {
        this.children = children;
    }

    @Override
    public long open(String path, int flags, int mode) {
        int fd = Posix.spawn().open(Posix.cString(Codecs.fsencode(path)), flags | Posix.O_CLOEXEC, mode);
        if (fd < 0) {
            throw Posix.oserror(Posix.errno(), path);
        }
        children.osOpened(fd);
        return fd;
    }

    @Override
    public PyTuple pipe() {
        int[] fds = new int[2];
        if (Posix.C.pipe2(fds, Posix.O_CLOEXEC) != 0) {
            throw Posix.oserror(Posix.errno());
        }
        children.osOpened(fds[0]);
        children.osOpened(fds[1]);
        return PyTuple.of((long) fds[0], (long) fds[1]);
    }

    @Override
    public PyBytes read(long fd, long n) {
        if (n < 0) {
            throw Posix.oserror(Posix.EINVAL, null); // as CPython's os.read
        }
        byte[] buf = new byte[(int) Math.min(n, Integer.MAX_VALUE - 8)];
        int got = Io.read((int) fd, buf, buf.length);
        return PyBytes.of(buf, 0, got);
    }

    @Override
    public long write(long fd, PyBytes data) {
        byte[] b = data.toByteArray();
        return Io.write((int) fd, b, 0, b.length);
    }

    @Override
    public void close(long fd) {
        if (Posix.C.close((int) fd) != 0) {
            int e = Posix.errno();
            if (e == Posix.EBADF) {
                throw Posix.oserror(e, null);
            }
        }
        children.osClosed((int) fd);
    }

    @Override
    public void setInheritable(long fd, boolean inheritable) {
        int flags = Posix.C.fcntl((int) fd, Posix.F_GETFD, 0);
        if (flags < 0) {
            throw Posix.oserror(Posix.errno());
        }
        int nf = inheritable ? flags & ~Posix.FD_CLOEXEC : flags | Posix.FD_CLOEXEC;
        if (nf != flags && Posix.C.fcntl((int) fd, Posix.F_SETFD, nf) < 0) {
            throw Posix.oserror(Posix.errno());
        }
    }

    @Override
    public boolean getInheritable(long fd) {
        int flags = Posix.C.fcntl((int) fd, Posix.F_GETFD, 0);
        if (flags < 0) {
            throw Posix.oserror(Posix.errno());
        }
        return (flags & Posix.FD_CLOEXEC) == 0;
    }

    @Override
    public long getpid() {
        return Posix.C.getpid();
    }

    @Override
    public List<String> listdir(String path) {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of(path))) {
            for (Path p : ds) {
                out.add(p.getFileName().toString());
            }
        } catch (NoSuchFileException e) {
            throw Posix.oserror(Posix.ENOENT, path);
        } catch (NotDirectoryException e) {
            throw Posix.oserror(Posix.ENOTDIR, path);
        } catch (java.nio.file.AccessDeniedException e) {
            throw Posix.oserror(Posix.EACCES, path);
        } catch (IOException e) {
            throw new dev.pyconc.spi.exceptions.OSError(String.valueOf(e.getMessage()));
        }
        return out;
    }
}
