package com.lumiku.testing;

import java.net.URL;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the integration tests that talk to the application over HTTP: Arquillian boots Payara
 * Micro with the subclass's {@code @Deployment} and tells where it listens; {@link #api} calls it.
 * A subclass runs its own tests and the {@link Scenarios} it implements.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class DeployedApplicationTest implements Scenarios {

  @ArquillianResource URL deployment;

  protected Api api;

  @BeforeEach
  void connectToTheDeployment() {
    api = new Api(deployment);
  }

  @Override
  public Api api() {
    return api;
  }
}
