package com.lumiku.testing;

import com.lumiku.probe.ProbeApp;
import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the integration tests deploy: the WAR the build produced, at the root context like in
 * production, with test settings and test-only classes where a test class needs them.
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
   * for one test class: a library in the WAR with its own microprofile-config.properties. (Not for
   * the settings message-driven beans resolve in their activation: those come from the
   * environment.)
   */
  public static WebArchive applicationWith(String... settings) {
    return withSettings(application(), settings);
  }

  /**
   * The application plus the probe app ({@link ProbeApp}: its package, its migration, its queue,
   * which this makes on the tests' broker), priced at {@code price} credits a run.
   */
  public static WebArchive applicationWithProbe(long price, String... settings) {
    TestBroker.ensureQueue(ProbeApp.QUEUE);
    WebArchive war =
        application()
            .addPackage(ProbeApp.class.getPackage())
            .addAsResource(
                "probe/V1000__create_probe_runs.sql", "db/migration/V1000__create_probe_runs.sql");
    String[] all = new String[settings.length + 1];
    all[0] = ProbeApp.PRICE_SETTING + "=" + price;
    System.arraycopy(settings, 0, all, 1, settings.length);
    return withSettings(war, all);
  }

  private static WebArchive withSettings(WebArchive war, String... settings) {
    JavaArchive jar =
        ShrinkWrap.create(JavaArchive.class, "test-settings.jar")
            .addAsManifestResource(
                new StringAsset("config_ordinal=500\n" + String.join("\n", settings) + "\n"),
                "microprofile-config.properties");
    return war.addAsLibrary(jar);
  }
}
