package com.lumiku.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the integration tests deploy: the WAR the build produced, at the root context like in
 * production.
 */
public final class Deployments {

  private Deployments() {}

  /** The application exactly as built, deployed as ROOT.war (context root "/"). */
  public static WebArchive application() {
    File war = new File(System.getProperty("project.basedir", "."), "target/lumiku.war");
    if (!war.isFile()) {
      throw new IllegalStateException(war + " is missing: run the package phase first");
    }
    return ShrinkWrap.create(WebArchive.class, "ROOT.war")
        .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war));
  }

  /**
   * The application with settings that override its own and the environment's, e.g. a slower model
   * for one test class: a library in the WAR with its own microprofile-config.properties.
   */
  public static WebArchive applicationWith(String properties) {
    JavaArchive settings =
        ShrinkWrap.create(JavaArchive.class, "test-settings.jar")
            .addAsManifestResource(
                new StringAsset("config_ordinal=500\n" + properties + "\n"),
                "microprofile-config.properties");
    return application().addAsLibrary(settings);
  }
}
