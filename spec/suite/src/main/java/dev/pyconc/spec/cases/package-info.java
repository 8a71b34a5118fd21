/**
 * The cases: JUnit 5 classes annotated {@link dev.pyconc.spec.harness.PyCase}, one package per Python module,
 * each method naming the catalog behaviours it checks with {@link dev.pyconc.spec.harness.Checks}. They call
 * the implementation only through the SPI ({@link dev.pyconc.spi}), so they run unchanged against any adapter.
 */
package dev.pyconc.spec.cases;
