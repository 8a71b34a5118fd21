package dev.pyconc.conformance.cpython;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeTags;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Runs every case of the spec against the cpython adapter (CPython 3.14 from Maven Central unless
 * {@code -Dpyconc.python=...} names another interpreter); any FAIL/ERROR/TIMEOUT fails the build.
 * {@code -Dpyconc.only=REGEX} runs only the cases whose {@code Class#method} matches.
 */
@Suite
@SuiteDisplayName("spec cases on the cpython adapter")
@SelectPackages("dev.pyconc.spec.cases")
// Case classes are named *Cases; the suite's default class-name pattern only admits *Test/*Tests.
@IncludeClassNamePatterns(".*Cases")
@IncludeTags("pyconc")
@ConfigurationParameter(key = "pyconc.adapter", value = "cpython")
// Profile cpython: the documented cases and CPython's implementation details, which it must pass too.
@ConfigurationParameter(key = "pyconc.profile", value = "cpython")
// Interop cases compare CPython with the reference on the same child programs.
@ConfigurationParameter(key = "pyconc.peer", value = "reference")
class CpythonConformanceTest {}
