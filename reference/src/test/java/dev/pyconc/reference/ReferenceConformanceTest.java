package dev.pyconc.reference;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeTags;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Runs every case of the spec against the reference adapter; any FAIL/ERROR/TIMEOUT fails the build. Case
 * classes are named {@code *Cases}, which the suite's default class-name filter ({@code *Test(s)}) would skip.
 */
@Suite
@SuiteDisplayName("spec cases on the reference adapter")
@SelectPackages("dev.pyconc.spec.cases")
@IncludeClassNamePatterns(".*Cases")
@IncludeTags("pyconc")
@ConfigurationParameter(key = "pyconc.adapter", value = "reference")
// Profile cpython: the documented cases and CPython's implementation details, which it must pass too.
@ConfigurationParameter(key = "pyconc.profile", value = "cpython")
class ReferenceConformanceTest {}
