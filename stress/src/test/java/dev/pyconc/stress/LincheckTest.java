package dev.pyconc.stress;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/** Runs the Lincheck tests (which live in src/main so {@code ./pyconc stress} can run them) in the build. */
@Suite
@SelectClasses(dev.pyconc.stress.lincheck.LincheckTests.class)
class LincheckTest {}
