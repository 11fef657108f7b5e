package com.lumiku;

import com.lumiku.apps.NewAppScenarios;
import com.lumiku.avatars.AvatarGenerationScenarios;
import com.lumiku.avatars.AvatarManagementScenarios;
import com.lumiku.avatars.AvatarPersonaScenarios;
import com.lumiku.credits.CreditsAdminScenarios;
import com.lumiku.credits.OverdraftRaceScenarios;
import com.lumiku.generations.AtomicSubmissionScenarios;
import com.lumiku.generations.BatchScenarios;
import com.lumiku.generations.BundleScenarios;
import com.lumiku.generations.CancellationScenarios;
import com.lumiku.generations.FailAfterEnqueue;
import com.lumiku.generations.LiveProgressScenarios;
import com.lumiku.generations.StuckGenerationSweeperScenarios;
import com.lumiku.ops.MonitoringScenarios;
import com.lumiku.payments.PaymentScenarios;
import com.lumiku.platform.AbandonedBrokerBranchScenarios;
import com.lumiku.platform.health.DatabaseReadinessScenarios;
import com.lumiku.platform.health.InDoubtTransactionScenarios;
import com.lumiku.platform.health.ReadinessScenarios;
import com.lumiku.platform.idempotency.IdempotencyScenarios;
import com.lumiku.platform.openapi.ContractScenarios;
import com.lumiku.platform.storage.PrivateImageScenarios;
import com.lumiku.poses.PoseGeneratorScenarios;
import com.lumiku.poses.PoseLibraryScenarios;
import com.lumiku.poses.PoseRequestScenarios;
import com.lumiku.poses.ScriptedModel;
import com.lumiku.quotas.QuotaScenarios;
import com.lumiku.testing.DeployedApplicationTest;
import com.lumiku.testing.Deployments;
import com.lumiku.users.AuthenticationScenarios;
import com.lumiku.users.SessionScenarios;
import com.lumiku.web.BrowserScenarios;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The application as built, plus the test-only probe app and a fault to inject, on real Payara
 * Micro, Artemis and PostgreSQL: one deployment (one boot) for every scenario it can serve, with a
 * model that refuses marked prompts as a provider would ({@link ScriptedModel}). The settings here
 * are the few those scenarios need shorter than in production: the sweeper looks every second (the
 * deadline stays 10 minutes), a branch in doubt fails liveness after 2 s, a broker branch counts as
 * abandoned after 8 s, and payments go through the simulator with a status check every second
 * ({@link PaymentScenarios#SETTINGS}). Each scenario creates its own users and data.
 */
class ApplicationIT extends DeployedApplicationTest
    implements AuthenticationScenarios,
        SessionScenarios,
        ContractScenarios,
        AvatarGenerationScenarios,
        AvatarManagementScenarios,
        AvatarPersonaScenarios,
        AtomicSubmissionScenarios,
        NewAppScenarios,
        CancellationScenarios,
        BatchScenarios,
        BundleScenarios,
        LiveProgressScenarios,
        StuckGenerationSweeperScenarios,
        OverdraftRaceScenarios,
        CreditsAdminScenarios,
        IdempotencyScenarios,
        ReadinessScenarios,
        DatabaseReadinessScenarios,
        InDoubtTransactionScenarios,
        AbandonedBrokerBranchScenarios,
        PoseLibraryScenarios,
        PoseGeneratorScenarios,
        PoseRequestScenarios,
        QuotaScenarios,
        PrivateImageScenarios,
        PaymentScenarios,
        MonitoringScenarios,
        BrowserScenarios {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.applicationWithProbe(
            NewAppScenarios.PRICE,
            Stream.concat(
                    Stream.of(
                        "lumiku.generations.sweep-interval=PT1S",
                        "lumiku.transactions.in-doubt-limit=PT2S",
                        "lumiku.broker.abandoned-branch-age=PT8S",
                        "lumiku.broker.abandoned-branch-check-interval=PT0.5S"),
                    Stream.of(PaymentScenarios.SETTINGS))
                .toArray(String[]::new))
        .addClass(FailAfterEnqueue.class)
        .addClass(ScriptedModel.class);
  }
}
