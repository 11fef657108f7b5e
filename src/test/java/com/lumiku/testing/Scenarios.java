package com.lumiku.testing;

/**
 * Tests written against a running deployment, as an interface of {@code @Test} default methods, so
 * that one test class that deploys can run many of them: Payara boots once for all the scenarios
 * its deployment serves, instead of once per test class.
 */
public interface Scenarios {

  /** The deployment's HTTP API. */
  Api api();
}
