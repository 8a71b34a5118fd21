package dev.pyconc.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Parsing and comparing Python versions as the catalog's since/until use them. */
class PyVersionTest {

    @Test
    void parsesFeatureAndMicroReleases() {
        assertEquals(new PyVersion(3, 14, 0), PyVersion.parse("3.14"));
        assertEquals(new PyVersion(3, 14, 3), PyVersion.parse("3.14.3"));
        assertEquals(new PyVersion(3, 15, 0), PyVersion.parse("3.15.0a1"));
    }

    @Test
    void comparesByFeatureReleaseOnly() {
        assertTrue(PyVersion.parse("3.14.3").atLeast(PyVersion.parse("3.14")));
        assertTrue(PyVersion.parse("3.13.9").compareTo(PyVersion.parse("3.14.0")) < 0);
    }

    @Test
    void rejectsNonVersions() {
        assertThrows(IllegalArgumentException.class, () -> PyVersion.parse("3"));
        assertThrows(IllegalArgumentException.class, () -> PyVersion.parse("three.x"));
    }
}
