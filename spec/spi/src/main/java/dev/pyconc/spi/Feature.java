package dev.pyconc.spi;

/**
 * The closed registry of optional features. A catalog entry lists the features its behaviour needs; an
 * adapter that lacks one gets NOT_APPLICABLE for it, with the feature's {@link #why}. Version-dependent
 * behaviour is handled by the catalog's {@code since}/{@code until}, not by features.
 */
public enum Feature {
    /** {@code threading.get_native_id()} and {@code Thread.native_id}: only where the OS has native ids. */
    NATIVE_THREAD_ID("the platform has native thread ids (get_native_id)"),
    /** {@code threading.stack_size(size)} can change the stack size for new threads. */
    STACK_SIZE("stack_size(size) can change the stack size of new threads"),
    /** The OS reports the name a thread gives itself (Linux: {@code /proc/thread-self/comm}). */
    OS_THREAD_NAME("the platform reports the OS-level name of a thread (Linux: /proc/thread-self/comm)"),
    /** Threads started through the SPI really run in parallel with the caller (not a simulation). */
    REAL_THREADS("threads run concurrently with the caller"),
    /**
     * {@link Adapter#runInMainThread} runs a case's code in the interpreter's main thread, the thread
     * {@code threading.main_thread()} names and where signal handlers run.
     */
    MAIN_THREAD("a case's code can run in the interpreter's main thread"),
    /** {@code concurrent.futures.ProcessPoolExecutor} runs calls in worker processes. */
    PROCESS_POOL("ProcessPoolExecutor can run calls in worker processes"),
    /** {@code concurrent.futures.InterpreterPoolExecutor} (3.14) runs calls in subinterpreters. */
    INTERPRETER_POOL("InterpreterPoolExecutor can run calls in subinterpreters"),
    /**
     * {@code subprocess} can start a child as another user and group, with other supplementary groups
     * ({@code user}, {@code group}, {@code extra_groups}): needs {@code setreuid}, {@code setregid} and
     * {@code setgroups} run in the child between fork and exec, which posix_spawn does not offer.
     */
    SUBPROCESS_CREDENTIALS("the child can be given another user, group and extra groups before exec"),
    /**
     * {@code subprocess} can give a child its own umask ({@code umask}): needs {@code umask()} run in the child
     * between fork and exec, which posix_spawn does not offer.
     */
    SUBPROCESS_UMASK("the child can be given its own umask before exec"),
    /**
     * {@code multiprocessing} can start children with the {@code 'fork'} start method ({@code os.fork} of the
     * running interpreter): POSIX only.
     */
    START_METHOD_FORK("multiprocessing can start children with the 'fork' start method"),
    /**
     * {@code multiprocessing} can start children with the {@code 'forkserver'} start method (a server process
     * forks them on request): POSIX platforms that pass file descriptors over Unix pipes, such as Linux.
     */
    START_METHOD_FORKSERVER("multiprocessing can start children with the 'forkserver' start method"),
    /**
     * {@code multiprocessing} can start children with the {@code 'spawn'} start method (a fresh interpreter
     * process runs the process object's {@code run}).
     */
    START_METHOD_SPAWN("multiprocessing can start children with the 'spawn' start method"),
    /**
     * {@code multiprocessing.connection} can listen and connect on Unix domain sockets (family
     * {@code 'AF_UNIX'}, an address that is a file system path).
     */
    AF_UNIX("multiprocessing.connection supports the 'AF_UNIX' family (Unix domain sockets)"),
    /**
     * The platform implements {@code sem_getvalue()}, so {@code multiprocessing.Queue.qsize()} and
     * {@code Semaphore.get_value()} answer instead of raising {@code NotImplementedError} (they do on macOS).
     */
    SEM_GETVALUE("the platform has sem_getvalue(), so Queue.qsize() and Semaphore.get_value() work");

    private final String why;

    Feature(String why) {
        this.why = why;
    }

    /** What the feature means, in one phrase. */
    public String why() {
        return why;
    }
}
