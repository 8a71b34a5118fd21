package dev.pyconc.spi;

/**
 * Creates an {@link Adapter}; found with {@link java.util.ServiceLoader} by its {@link #name()}.
 *
 * <p>Register an implementation in {@code META-INF/services/dev.pyconc.spi.AdapterProvider}.
 */
public interface AdapterProvider {
    /** The name used to select this adapter: {@code --adapter NAME} or {@code -Dpyconc.adapter=NAME}. */
    String name();

    /** One line saying what the adapter runs. */
    String description();

    /**
     * Creates the adapter for one run.
     *
     * @param config options from the command line or system properties
     * @throws AdapterUnavailableException when the implementation cannot be started (missing interpreter,
     *     bad option); its message is shown to the user as is
     */
    Adapter create(AdapterConfig config);
}
