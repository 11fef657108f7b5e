package com.lumiku.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.testing.ProjectScripts;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bin/probe, the images' HEALTHCHECK (plain bash: the images carry no curl), against a real HTTP
 * server on loopback: healthy only on a 200 of the path asked.
 */
class ProbeScriptTest {

  private HttpServer server;

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/health/ready", exchange -> answer(exchange, 200));
    server.createContext("/health/live", exchange -> answer(exchange, 503));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void healthyOnlyWhenThePathAnswers200() throws Exception {
    assertThat(probe("/health/ready", server.getAddress().getPort())).isZero();
    assertThat(probe("/health/live", server.getAddress().getPort())).isEqualTo(1);
    assertThat(probe("/health/started", server.getAddress().getPort())).as("404").isEqualTo(1);
  }

  @Test
  void unhealthyWhenNothingListens() throws Exception {
    int closed = ProjectScripts.freePort();
    assertThat(probe("/health/ready", closed)).isEqualTo(1);
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status)
      throws IOException {
    byte[] body = "{\"status\":\"UP\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static int probe(String path, int port) throws Exception {
    Process process =
        new ProcessBuilder(ProjectScripts.baseDir() + "/bin/probe", path, String.valueOf(port))
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("the probe ends").isTrue();
    return process.exitValue();
  }
}
